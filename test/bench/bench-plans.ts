/**
 * Plans in the states the measured operations need, built with the pure workflow and stored in one save,
 * so setting them up costs little and runs outside the timed part.
 */
import { contentHash } from '../../src/domain/documents/content-hash.js';
import type { Command } from '../../src/domain/plan/commands.js';
import type { Plan } from '../../src/domain/plan/plan.js';
import type { Result } from '../../src/domain/support/result.js';
import { decide } from '../../src/domain/workflow/decide.js';
import type { PlanStore, StoredPlan } from '../../src/ports/plan-store.js';
import { newTestPlan, paragraph, T0, templateWithSections, testPeople } from '../support/fixtures/index.js';

export function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function apply(plan: Plan, command: Command, actorId: string): Plan {
  return must(decide(plan, command, { id: actorId }, T0), command.type).plan;
}

export async function storedPlan(store: PlanStore, sectionCount: number): Promise<StoredPlan> {
  const { plan, audit } = newTestPlan({ template: templateWithSections(sectionCount) });
  return must(await store.create(plan, audit), 'create plan');
}

/** A plan whose first section belongs to the demo owner, who can then edit it. */
export async function planWithOwnedSection(
  store: PlanStore,
  sectionCount: number,
): Promise<{ stored: StoredPlan; sectionKey: string }> {
  const first = await storedPlan(store, sectionCount);
  const sectionKey = first.plan.sections[0]!.definition.key;
  const plan = apply(
    first.plan,
    { type: 'assignSection', sectionKey, ownerId: testPeople.owner, contributorIds: [], dueDate: null },
    testPeople.lead,
  );
  return { stored: must(await store.save(first, plan, [], testPeople.lead), 'assign section'), sectionKey };
}

export interface OpenStagePlan {
  readonly stored: StoredPlan;
  readonly stageKey: string;
  readonly approverIds: readonly string[];
  readonly versionHash: string;
}

/** Every section written, submitted and accepted, and the first approval stage open. */
export async function planWithOpenStage(store: PlanStore, sectionCount: number): Promise<OpenStagePlan> {
  const first = await storedPlan(store, sectionCount);
  let plan = first.plan;
  for (const section of plan.sections) {
    const sectionKey = section.definition.key;
    plan = apply(
      plan,
      { type: 'assignSection', sectionKey, ownerId: testPeople.owner, contributorIds: [], dueDate: null },
      testPeople.lead,
    );
    plan = apply(
      plan,
      { type: 'editSection', sectionKey, baseRevision: 0, content: paragraph(`Text of ${sectionKey}`) },
      testPeople.owner,
    );
    plan = apply(plan, { type: 'submitSection', sectionKey }, testPeople.owner);
    plan = apply(plan, { type: 'acceptSection', sectionKey }, testPeople.lead);
  }
  plan = apply(plan, { type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead);
  const stored = must(await store.save(first, plan, [], testPeople.lead), 'start approvals');
  const stage = stored.plan.stages.find((s) => s.state === 'open');
  if (!stage) throw new Error('startApprovals opened no stage');
  return {
    stored,
    stageKey: stage.key,
    approverIds: stage.approverIds,
    versionHash: contentHash(stored.plan),
  };
}
