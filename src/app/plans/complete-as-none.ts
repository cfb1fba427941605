/**
 * "None" in one step, from the assignment card or the tab: the section is completed with the council's
 * standard wording and submitted, from the revision the person saw (so nothing written since is lost).
 */
import type { Actor } from '../../domain/plan/commands.js';
import { findSection } from '../../domain/plan/plan.js';
import { noneWording } from '../../domain/sections/contribution.js';
import { ok, type Result } from '../../domain/support/result.js';
import { runCommand, type CommandDeps } from './run-command.js';

export interface CompletedAsNone {
  readonly title: string;
  readonly wording: string;
  /** False for a joint section still waiting for its other authors to agree. */
  readonly submitted: boolean;
}

export async function completeSectionAsNone(
  deps: CommandDeps,
  target: { readonly planId: string; readonly sectionKey: string; readonly revision: number },
  actor: Actor,
): Promise<Result<CompletedAsNone>> {
  const result = await runCommand(
    deps,
    target.planId,
    { type: 'completeAsNone', sectionKey: target.sectionKey, baseRevision: target.revision },
    actor,
  );
  if (!result.ok) return result;
  const section = findSection(result.value.plan, target.sectionKey)!;
  return ok({
    title: section.definition.title,
    wording: noneWording(section) ?? '',
    submitted: section.status === 'submitted' || section.status === 'accepted',
  });
}
