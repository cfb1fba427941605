import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalsNeeded, currentResponses, tally } from '../../../src/domain/approvals/rule.js';
import type { Command } from '../../../src/domain/plan/commands.js';
import { contentHash } from '../../../src/domain/documents/content-hash.js';
import type { ApprovalStage, Plan } from '../../../src/domain/plan/plan.js';
import type { ApprovalRule } from '../../../src/domain/templates/report-format.js';
import { decide } from '../../../src/domain/workflow/decide.js';
import {
  must,
  newSmallPlan,
  paragraph,
  readyForApproval,
  smallFormat,
  smallTeam,
  stage,
  T0,
  testPeople,
} from '../../support/fixtures/index.js';

const ruleArb = (size: number): fc.Arbitrary<ApprovalRule> =>
  fc.oneof(
    fc.constant<ApprovalRule>({ kind: 'all' }),
    fc.constant<ApprovalRule>({ kind: 'any' }),
    fc.integer({ min: 1, max: size }).map((n): ApprovalRule => ({ kind: 'quorum', n })),
  );

describe('the approval rule (property)', () => {
  it('approves exactly when enough approve and every mandatory member approves', () => {
    const scenario = fc.integer({ min: 1, max: 8 }).chain((size) =>
      fc.record({
        rule: ruleArb(size),
        approvers: fc.constant(Array.from({ length: size }, (_, i) => `p${i}`)),
        mandatory: fc.subarray(Array.from({ length: size }, (_, i) => `p${i}`)),
        answers: fc.array(fc.constantFrom('approve', 'request-changes', 'none'), {
          minLength: size,
          maxLength: size,
        }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ rule, approvers, mandatory, answers }) => {
        const stageUnderTest: ApprovalStage = {
          key: 's',
          title: 'S',
          kind: 'endorsement',
          rule,
          approverRoles: [],
          mandatoryRoles: [],
          approverIds: approvers,
          mandatoryIds: mandatory,
          delegations: [],
          state: 'open',
          round: 1,
          boundHash: 'h',
          boundVersion: 1,
          responses: approvers.flatMap((id, i) =>
            answers[i] === 'none'
              ? []
              : [
                  {
                    round: 1,
                    approverId: id,
                    responderId: id,
                    decision: answers[i] as 'approve' | 'request-changes',
                    comment: 'c',
                    at: T0,
                    hash: 'h',
                  },
                ],
          ),
          openedAt: T0,
          closedAt: null,
        };
        const approvedCount = answers.filter((a) => a === 'approve').length;
        const rejected = approvers.filter((_, i) => answers[i] === 'request-changes');
        const needed = approvalsNeeded(stageUnderTest);
        const mandatoryOk = mandatory.every((id) => answers[approvers.indexOf(id)] === 'approve');
        const result = tally(stageUnderTest);
        const expectApproved = approvedCount >= needed && mandatoryOk;
        expect(result.outcome === 'approved').toBe(expectApproved);
        const unreachable =
          mandatory.some((id) => rejected.includes(id)) || approvers.length - rejected.length < needed;
        expect(result.outcome === 'changes-requested').toBe(!expectApproved && unreachable);
        expect(result.approved.length + result.changesRequested.length + result.waiting.length).toBe(
          approvers.length,
        );
      }),
      { numRuns: 500 },
    );
  });
});

/** The management team stage open, with the chosen rule. */
function managementTeamOpen(rule: ApprovalRule): Plan {
  let plan = must(
    readyForApproval(newSmallPlan(smallFormat(rule))),
    { type: 'startApprovals' },
    testPeople.lead,
  ).plan;
  for (const officer of [testPeople.finance, testPeople.legal]) {
    plan = must(
      plan,
      {
        type: 'respond',
        stageKey: 'implications',
        decision: 'approve',
        comment: null,
        versionHash: contentHash(plan),
      },
      officer,
    ).plan;
  }
  return plan;
}

const actors = [...smallTeam, testPeople.stranger, testPeople.deputy, testPeople.lead];

describe('responses under any interleaving (property)', () => {
  it('one response per approver, only from approvers or their deputy, and the stage closes exactly when the rule is met', () => {
    const clicks = fc.array(
      fc.record({
        actor: fc.constantFrom(...actors),
        decision: fc.constantFrom('approve', 'request-changes'),
        staleHash: fc.boolean(),
        repeat: fc.boolean(),
      }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(ruleArb(4), fc.boolean(), clicks, (rule, withDeputy, sequence) => {
        let plan = managementTeamOpen(rule);
        if (withDeputy) {
          plan = must(
            plan,
            {
              type: 'delegate',
              stageKey: 'management-team',
              approverId: smallTeam[3],
              deputyId: testPeople.deputy,
            },
            testPeople.lead,
          ).plan;
        }
        const boundHash = stage(plan, 'management-team').boundHash!;
        for (const click of sequence) {
          const command: Command = {
            type: 'respond',
            stageKey: 'management-team',
            decision: click.decision as 'approve' | 'request-changes',
            comment: 'because',
            versionHash: click.staleHash ? 'stale' : boundHash,
          };
          const before = stage(plan, 'management-team');
          const times = click.repeat ? 2 : 1;
          for (let i = 0; i < times; i++) {
            const result = decide(plan, command, { id: click.actor }, T0);
            if (result.ok) plan = result.value.plan;
          }
          const after = stage(plan, 'management-team');
          const responses = currentResponses(after);
          // One response per approver, and only approvers' responses.
          expect(new Set(responses.map((r) => r.approverId)).size).toBe(responses.length);
          for (const r of responses) {
            expect(after.approverIds).toContain(r.approverId);
            expect(
              r.responderId === r.approverId || (withDeputy && r.responderId === testPeople.deputy),
            ).toBe(true);
            expect(r.hash).toBe(boundHash);
          }
          // Closed stages take no more responses.
          if (before.state !== 'open') expect(after.responses).toEqual(before.responses);
          // The state is exactly what the rule says of the responses.
          const outcome = tally(after).outcome;
          expect(after.state).toBe(
            outcome === 'pending' ? 'open' : outcome === 'approved' ? 'approved' : 'changes-requested',
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('any sequence of commands (property)', () => {
  const sectionKeys = ['theme-1', 'theme-3', 'report.summary', 'implications.financial'];
  const commandArb: fc.Arbitrary<Command> = fc.oneof(
    fc
      .record({
        key: fc.constantFrom(...sectionKeys),
        text: fc.string({ maxLength: 20 }),
        rev: fc.integer({ min: 0, max: 6 }),
      })
      .map(({ key, text, rev }): Command => ({
        type: 'editSection',
        sectionKey: key,
        baseRevision: rev,
        content: paragraph(text),
      })),
    fc.constantFrom(...sectionKeys).map((key): Command => ({ type: 'submitSection', sectionKey: key })),
    fc.constantFrom(...sectionKeys).map((key): Command => ({ type: 'acceptSection', sectionKey: key })),
    fc
      .constantFrom(...sectionKeys)
      .map((key): Command => ({ type: 'requestSectionChanges', sectionKey: key, comment: 'redo' })),
    fc.constant<Command>({ type: 'startApprovals' }),
    fc
      .record({
        stageKey: fc.constantFrom('implications', 'management-team', 'portfolio-holder'),
        decision: fc.constantFrom('approve', 'request-changes'),
      })
      .map(({ stageKey, decision }): Command => ({
        type: 'respond',
        stageKey,
        decision: decision as 'approve' | 'request-changes',
        comment: 'c',
        versionHash: '', // replaced with the live hash below
      })),
  );
  const actorArb = fc.constantFrom(
    testPeople.lead,
    testPeople.owner,
    testPeople.finance,
    testPeople.legal,
    ...smallTeam,
    testPeople.portfolio,
    testPeople.stranger,
  );

  /** Mostly the person who may act, so random runs reach deep states; sometimes anyone at all. */
  function rightfulActor(plan: Plan, command: Command, pick: number): string {
    switch (command.type) {
      case 'editSection':
      case 'submitSection':
        return (
          plan.sections.find((s) => s.definition.key === command.sectionKey)?.ownerId ?? testPeople.owner
        );
      case 'respond': {
        const approvers = stage(plan, command.stageKey).approverIds;
        return approvers.length > 0 ? approvers[pick % approvers.length]! : testPeople.lead;
      }
      default:
        return testPeople.lead;
    }
  }

  it('never lets an approval cover content other than the current content, and numbers each version approvers see', () => {
    const step = fc.record({
      command: commandArb,
      anyone: actorArb,
      rightful: fc.boolean(),
      live: fc.boolean(),
      pick: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let plan = readyForApproval();
        for (const { command, anyone, rightful, live, pick } of steps) {
          let sent: Command = command;
          if (command.type === 'respond')
            sent = { ...command, versionHash: live ? contentHash(plan) : 'old' };
          if (command.type === 'editSection' && live) {
            const revision = plan.sections.find((s) => s.definition.key === command.sectionKey)!.revision;
            sent = { ...command, baseRevision: revision };
          }
          const actor = rightful ? rightfulActor(plan, sent, pick) : anyone;
          const frozen = JSON.stringify(plan);
          const result = decide(plan, sent, { id: actor }, T0);
          expect(JSON.stringify(plan)).toBe(frozen); // the engine never mutates its input
          if (!result.ok) continue;
          const next = result.value.plan;
          // Versions never go back; a new number only when a stage opens on content not numbered yet.
          const opened = result.value.events.some((e) => e.type === 'StageOpened');
          expect(next.contentVersion - plan.contentVersion).toBe(
            opened && contentHash(next) !== plan.versionHash ? 1 : 0,
          );
          expect(result.value.audit === null).toBe(!result.value.changed);
          plan = next;
          const current = contentHash(plan);
          for (const s of plan.stages) {
            if (s.state !== 'waiting') {
              expect(s.boundHash).toBe(current);
              expect(s.boundVersion).toBe(plan.contentVersion);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
