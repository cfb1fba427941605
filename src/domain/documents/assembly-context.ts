/** What assembly carries as it goes (plan, format, hash, names), and how it names people and roles. */
import type { PersonId, Plan } from '../plan/plan.js';
import type { ReportFormat } from '../templates/report-format.js';

export interface AssembleOptions {
  /**
   * 'include' (default) prints recorded sign-offs: "Completed by" lines and dates in the authorisation
   * table. 'omit' leaves them out, for the frozen copy that goes round for approval before anyone signs.
   */
  readonly signOffs?: 'include' | 'omit';
  /** Display names by person id; an id without a name is printed as the id, so the gap is visible. */
  readonly people: Readonly<Record<PersonId, string>>;
  /** Job titles, phone numbers and email addresses, for header fields that show them (from the directory). */
  readonly contacts?: Readonly<Record<PersonId, PersonContact>>;
}

export interface PersonContact {
  readonly jobTitle?: string | null;
  readonly phone?: string | null;
  readonly email?: string | null;
}

export interface AssemblyContext {
  readonly plan: Plan;
  readonly format: ReportFormat;
  readonly hash: string;
  readonly signOffs: boolean;
  readonly people: Readonly<Record<PersonId, string>>;
  readonly contacts: Readonly<Record<PersonId, PersonContact>>;
}

export const nameOf = (context: AssemblyContext, id: PersonId): string => context.people[id] ?? id;

export const roleTitle = (plan: Plan, role: string): string =>
  plan.roleDefinitions.find((r) => r.key === role)?.title ?? role;
