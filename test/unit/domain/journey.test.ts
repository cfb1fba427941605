/** The whole journey on each shipped council format: the data and the engine agree end to end. */
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/domain/documents/content-hash.js';
import { planCoverage } from '../../../src/domain/checks/coverage.js';
import {
  callInApplies,
  stageDecisionBody,
  stagePublishableOutcomes,
} from '../../../src/domain/governance/governance.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import {
  acceptedEverywhere,
  applyAll,
  catalog,
  newTestPlan,
  testPeople,
} from '../../support/fixtures/index.js';

describe.each(catalog.reportFormats.map((f) => [f.id]))('journey in the %s format', (formatId) => {
  it('goes from a new plan to published through every stage of the default chain', () => {
    let plan: Plan = applyAll(acceptedEverywhere(newTestPlan({ formatId }).plan), [
      [{ type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead],
    ]);
    const visited: string[] = [];
    for (let guard = 0; guard < 10 && plan.status !== 'decided'; guard++) {
      const stage = plan.stages.find((s) => s.state === 'open');
      if (!stage) throw new Error(`no open stage while ${plan.status}`);
      visited.push(stage.key);
      const versionHash = contentHash(plan);
      if (stage.kind === 'decision') {
        // The commands run on 3 June 2024 (T0): the meeting was before, and so was the end of any call-in.
        plan = applyAll(plan, [
          [
            {
              type: 'recordDecision',
              stageKey: stage.key,
              meetingBody: stageDecisionBody(plan, stage),
              meetingDate: '2024-05-22',
              minuteReference: 'Min. 12',
              callInEndsOn: callInApplies(plan) ? '2024-05-31' : null,
              outcome: stagePublishableOutcomes(stage)[0]!,
              versionHash,
            },
            testPeople.lead,
          ],
        ]);
      } else {
        for (const approver of stage.approverIds) {
          if (plan.stages.find((s) => s.key === stage.key)!.state !== 'open') break;
          plan = applyAll(plan, [
            [
              { type: 'respond', stageKey: stage.key, decision: 'approve', comment: null, versionHash },
              approver,
            ],
          ]);
        }
      }
    }
    const format = catalog.reportFormats.find((f) => f.id === formatId)!;
    expect(visited).toEqual(format.approvalChain.map((s) => s.key));
    expect(plan.stages.every((s) => s.state === 'approved')).toBe(true);
    plan = applyAll(plan, [
      [
        {
          type: 'publish',
          versionHash: contentHash(plan),
          links: [{ label: 'Plan', url: 'https://example.org/plan' }],
        },
        testPeople.lead,
      ],
    ]);
    expect(plan.status).toBe('published');
    expect(planCoverage(plan).questions).toHaveLength(25);
  });
});
