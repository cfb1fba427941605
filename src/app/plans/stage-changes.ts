/**
 * What changed in a plan since someone last answered a stage (or since its last round), section by section
 * and word by word: the earlier text is the snapshot frozen beside that version's documents.
 */
import { changedSinceAnswered } from '../../domain/approvals/reopen-rule.js';
import type { Actor } from '../../domain/plan/commands.js';
import { findStage } from '../../domain/plan/plan.js';
import { ok, refuse, type Result } from '../../domain/support/result.js';
import {
  parseVersionSnapshot,
  sectionChanges,
  type SectionChange,
  type VersionSnapshot,
} from '../../domain/sections/section-snapshot.js';
import type { DocumentStore } from '../../ports/document-store.js';
import { snapshotPath } from '../publication/publish-plan.js';
import { readPlan, type ReadDeps } from './read-plan.js';

export interface StageChanges {
  readonly stageKey: string;
  readonly sinceVersion: number | null;
  readonly currentVersion: number;
  readonly textAvailable: boolean;
  readonly sections: readonly SectionChange[];
}

export interface StageChangesDeps extends ReadDeps {
  readonly documents: DocumentStore;
}

async function snapshotOf(
  documents: DocumentStore,
  planId: string,
  version: number,
): Promise<VersionSnapshot | null> {
  const found = await documents.find(snapshotPath(planId, version));
  if (!found) return null;
  const file = await documents.get(found.id);
  if (!file) return null;
  try {
    const snapshot = parseVersionSnapshot(JSON.parse(new TextDecoder().decode(file.bytes)));
    return snapshot && snapshot.planId === planId && snapshot.version === version ? snapshot : null;
  } catch {
    return null;
  }
}

export async function stageChanges(
  deps: StageChangesDeps,
  planId: string,
  stageKey: string,
  actor: Actor,
): Promise<Result<StageChanges>> {
  const read = await readPlan(deps, planId);
  if (!read.ok) return read;
  const plan = read.value;
  const stage = findStage(plan, stageKey);
  if (!stage) return refuse('NOT_FOUND', `There is no approval stage "${stageKey}" in “${plan.title}”.`);
  const answered = stage.responses.some((r) => r.approverId === actor.id || r.responderId === actor.id);
  const since = changedSinceAnswered(plan, stage, answered ? actor.id : null);
  if (since === null) {
    return ok({
      stageKey,
      sinceVersion: null,
      currentVersion: plan.contentVersion,
      textAvailable: false,
      sections: [],
    });
  }
  const before = await snapshotOf(deps.documents, plan.id, since.version);
  // The snapshot must be of the version the person saw, not a later round that reused its number.
  const usable = before !== null && before.hash === since.hash ? before : null;
  return ok({
    stageKey,
    sinceVersion: since.version,
    currentVersion: plan.contentVersion,
    textAvailable: usable !== null,
    sections: sectionChanges(plan, since.sectionKeys, usable),
  });
}
