/**
 * A plan moved to another report format before approvals start: the cover report's sections, the
 * approval chain, the roles and the header fields become the new format's. Text already written moves to
 * the new format's section with the same key or, failing that, the same title (in the same part); the
 * plan's own sections (from its template) stay as they are. Nothing typed is dropped: text in a section
 * the new format has no place for, and a header value for a field it lacks, are listed as unplaced, and
 * the change is refused until they are cleared or moved.
 */
import { initialKeyDecision, keyDecisionProblem, planGovernance } from '../governance/governance.js';
import { plainText } from '../sections/rich-text.js';
import type { ReportFormat } from '../templates/report-format.js';
import {
  defaultContent,
  newSection,
  newStages,
  PLAN_LEAD_ROLE,
  reportSectionDefinitions,
  validateRoleBinding,
} from './create-plan.js';
import type { HeaderValue, PersonId, Plan, Section } from './plan.js';

/** Typed text the new format has nowhere to put. */
export interface Unplaced {
  readonly sections: readonly { readonly key: string; readonly title: string }[];
  readonly headerFields: readonly { readonly key: string; readonly label: string }[];
}

export interface Reformatted {
  readonly plan: Plan;
  /** Sections whose text moved across (new key → old key). */
  readonly kept: readonly { readonly key: string; readonly from: string }[];
  /** The new format's sections that start empty. */
  readonly added: readonly Section[];
  /** Sections of the old format left behind with nothing typed in them. */
  readonly removed: readonly string[];
  /** Roles of the old format the new one lacks, whose holders were cleared. */
  readonly rolesCleared: readonly string[];
}

export type ReformatOutcome =
  | { readonly kind: 'reformatted'; readonly value: Reformatted }
  | { readonly kind: 'unplaced'; readonly unplaced: Unplaced }
  | { readonly kind: 'invalid'; readonly message: string; readonly details?: Record<string, unknown> };

const norm = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Whether someone wrote in the section: edited at least once, and it holds words. */
export const holdsTypedText = (section: Section): boolean =>
  section.revision > 0 && plainText(section.content).trim() !== '';

const typedHeaderValue = (value: HeaderValue | undefined): boolean =>
  typeof value === 'boolean' || (typeof value === 'string' && value.trim() !== '');

export function reformat(plan: Plan, format: ReportFormat): ReformatOutcome {
  const own = plan.sections.filter((s) => s.definition.part === 'plan');
  const old = plan.sections.filter((s) => s.definition.part !== 'plan');
  const taken = new Set<string>();
  const pick = (match: (s: Section) => boolean): Section | undefined => {
    const found = old.find((s) => !taken.has(s.definition.key) && match(s));
    if (found) taken.add(found.definition.key);
    return found;
  };

  const roles: Record<string, readonly PersonId[]> = {};
  const rolesCleared: string[] = [];
  for (const [role, people] of Object.entries(plan.roles)) {
    if (role !== PLAN_LEAD_ROLE && !format.roles.some((r) => r.key === role)) {
      if (people.length > 0)
        rolesCleared.push(plan.roleDefinitions.find((r) => r.key === role)?.title ?? role);
      continue;
    }
    const problem = validateRoleBinding(format.roles, role, people);
    if (problem) return { kind: 'invalid', message: problem, details: { role } };
    roles[role] = people;
  }

  const definitions = reportSectionDefinitions(format);
  // Keys first, so a section that keeps its key is never taken by another's title.
  const byKey = new Map(definitions.map((d) => [d.key, pick((s) => s.definition.key === d.key)]));
  const kept: { key: string; from: string }[] = [];
  const added: Section[] = [];
  const report = definitions.map((definition): Section => {
    const previous =
      byKey.get(definition.key) ??
      pick(
        (s) => s.definition.part === definition.part && norm(s.definition.title) === norm(definition.title),
      );
    if (previous) {
      kept.push({ key: definition.key, from: previous.definition.key });
      return { ...previous, definition };
    }
    const holder = definition.completedByRole ? (roles[definition.completedByRole]?.[0] ?? null) : null;
    const section = newSection(definition, defaultContent(format, definition), holder);
    added.push(section);
    return section;
  });

  const left = old.filter((s) => !taken.has(s.definition.key));
  const unplacedSections = left
    .filter(holdsTypedText)
    .map((s) => ({ key: s.definition.key, title: s.definition.title }));
  const unplacedHeader = Object.entries(plan.header)
    .filter(([key, value]) => typedHeaderValue(value) && !format.headerFields.some((f) => f.key === key))
    .map(([key]) => ({ key, label: plan.headerFields.find((f) => f.key === key)?.label ?? key }));
  if (unplacedSections.length > 0 || unplacedHeader.length > 0) {
    return { kind: 'unplaced', unplaced: { sections: unplacedSections, headerFields: unplacedHeader } };
  }

  const sections = [...own, ...report];
  for (const stage of format.approvalChain) {
    const unknown = (stage.covers ?? []).filter((key) => !sections.some((s) => s.definition.key === key));
    if (unknown.length > 0) {
      return {
        kind: 'invalid',
        message: `"${stage.title}" covers ${unknown.map((k) => `"${k}"`).join(', ')}, which this plan has no section for.`,
        details: { stageKey: stage.key, sections: unknown },
      };
    }
  }

  const governance = planGovernance(format);
  const keyDecision =
    keyDecisionProblem(governance, plan.dates.keyDecision) === null
      ? plan.dates.keyDecision
      : initialKeyDecision(format);
  const header = Object.fromEntries(
    Object.entries(plan.header).filter(([key]) => format.headerFields.some((f) => f.key === key)),
  );
  return {
    kind: 'reformatted',
    value: {
      plan: {
        ...plan,
        council: format.council,
        reportFormatId: format.id,
        roleDefinitions: format.roles,
        headerFields: format.headerFields,
        governance,
        roles,
        dates: { ...plan.dates, keyDecision },
        header,
        sections,
        stages: newStages(format),
      },
      kept,
      added,
      removed: left.map((s) => s.definition.key),
      rolesCleared,
    },
  };
}
