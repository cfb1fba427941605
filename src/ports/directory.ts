/** People and groups, from Microsoft Entra ID through Graph (local: the emulator's demo directory). */
import type { PersonId } from '../domain/plan/plan.js';

export interface Person {
  readonly id: PersonId;
  readonly displayName: string;
  readonly mail: string | null;
  readonly jobTitle: string | null;
  /** The first business phone number, where the directory has one (absent: not asked for). */
  readonly phone?: string | null;
}

export interface Directory {
  person(id: PersonId): Promise<Person | null>;
  /** People whose name or mail starts with the text, for pickers. */
  search(text: string, limit?: number): Promise<readonly Person[]>;
  /** Every member of a group (e.g. the management team), following pages to the end. */
  groupMembers(groupId: string): Promise<readonly Person[]>;
}
