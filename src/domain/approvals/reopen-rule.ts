/**
 * What a stage's approvals are bound to, and so what re-opens it. Every approval stays bound to the hash of
 * the whole document its approver saw; the stage's rule says which later changes matter to it:
 * - 'any-change': the document's hash is no longer the bound one;
 * - 'sections': the hash of a section it covers is no longer the bound one;
 * - 'draft': none (an endorsement of a draft stands for the version it endorsed).
 */
import { contentHash, sectionHashes } from '../documents/content-hash.js';
import type { ApprovalStage, PersonId, Plan, SeenVersion } from '../plan/plan.js';
import type { ReopenRule } from '../templates/report-format.js';

export function reopenRuleOf(stage: ApprovalStage): ReopenRule {
  return stage.reopens ?? 'any-change';
}

export function coversOf(stage: ApprovalStage): readonly string[] {
  return reopenRuleOf(stage) === 'sections' ? (stage.covers ?? []) : [];
}

/** Whether the stage may go ahead while sections are to follow (a decision stage: be recorded). */
export function allowsPending(stage: ApprovalStage): boolean {
  return stage.allowsPending ?? stage.kind !== 'decision';
}

/** The plan as it is now, hashed once for all the stages asked about (its sections only if asked). */
export interface CurrentContent {
  readonly hash: string;
  readonly sections: Readonly<Record<string, string>>;
}

export function currentContent(plan: Plan): CurrentContent {
  let sections: Record<string, string> | null = null;
  return {
    hash: contentHash(plan),
    get sections() {
      sections ??= sectionHashes(plan);
      return sections;
    },
  };
}

/**
 * Whether the content the stage's rule binds it to has changed since it bound its version: the stage must
 * be re-opened. A stage not yet bound (waiting) has nothing to re-open.
 */
export function ruleTouched(stage: ApprovalStage, now: CurrentContent): boolean {
  if (stage.state === 'waiting' || stage.boundHash === null) return false;
  if (stage.boundHash === now.hash) return false;
  switch (reopenRuleOf(stage)) {
    case 'any-change':
      return true;
    case 'sections': {
      const bound = stage.boundSections;
      // Bound before section hashes were kept: nothing tells which sections changed, so any change counts.
      if (!bound) return true;
      return coversOf(stage).some((key) => bound[key] !== now.sections[key]);
    }
    case 'draft':
      return false;
  }
}

/** What a response made now records as seen: the stage's bound version. */
export function seenByStage(stage: ApprovalStage): SeenVersion | null {
  if (stage.boundVersion === null || !stage.boundSections) return null;
  return { version: stage.boundVersion, sections: stage.boundSections };
}

/** Keys of the sections whose content differs from what was seen, in plan order. */
export function sectionsChangedSince(plan: Plan, seen: SeenVersion, now?: CurrentContent): string[] {
  const current = now ?? currentContent(plan);
  return plan.sections
    .map((s) => s.definition.key)
    .filter((key) => seen.sections[key] !== current.sections[key]);
}

export interface ChangedSince {
  /** The version the comparison starts from: what the person (or the last round) saw. */
  readonly version: number;
  readonly hash: string;
  readonly sectionKeys: readonly string[];
  /** The document changed and no section did: the title or the report details. */
  readonly otherChanges: boolean;
}

/**
 * What changed since `personId` last answered this stage (null: since its last earlier round was
 * answered), from what their response recorded as seen. Null when there is no earlier answer to compare.
 */
export function changedSinceAnswered(
  plan: Plan,
  stage: ApprovalStage,
  personId: PersonId | null,
  now: CurrentContent = currentContent(plan),
): ChangedSince | null {
  const candidates = stage.responses.filter((r) =>
    personId === null
      ? r.round < stage.round || stage.state === 'waiting'
      : r.approverId === personId || r.responderId === personId,
  );
  const latest = [...candidates].reverse().find((r) => r.seen);
  if (!latest?.seen) return null;
  const sectionKeys = sectionsChangedSince(plan, latest.seen, now);
  return {
    version: latest.seen.version,
    hash: latest.hash,
    sectionKeys,
    otherChanges: sectionKeys.length === 0 && latest.hash !== now.hash,
  };
}
