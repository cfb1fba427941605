import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalsNeeded, currentResponses, tally } from '../../../src/domain/approvals/rule.js';
import type { Command } from '../../../src/domain/plan/commands.js';
import { contentHash } from '../../../src/domain/documents/content-hash.js';
import type { ApprovalStage, Plan } from '../../../src/domain/plan/plan.js';
import type { ApprovalRule, ReportFormat } from '../../../src/domain/templates/report-format.js';
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
    { type: 'startApprovals', delivery: { kind: 'one-to-one' } },
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
    fc.constant<Command>({ type: 'startApprovals', delivery: { kind: 'one-to-one' } }),
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

// ---------------------------------------------------------------------------------------------------
// What re-opens a stage is data on the stage. For any sequence of edits and responses:
// - a stage re-opens if and only if its rule says the change touches it;
// - no approval ever covers content its rule binds it to that its approver did not see.

/**
 * What a stage's rule binds it to, restated from the rule's definition rather than taken from the
 * engine: the whole document; the sections it covers; or nothing (a draft endorsement).
 */
function sectionView(section: Plan['sections'][number]): unknown {
  const base = { key: section.definition.key, title: section.definition.title };
  return section.toFollow
    ? { ...base, toFollow: [section.toFollow.from, section.toFollow.by] }
    : { ...base, content: section.content, figures: section.figures, answers: section.promptAnswers };
}

function boundView(stageUnder: ApprovalStage, plan: Plan): string {
  const rule = stageUnder.reopens ?? 'any-change';
  if (rule === 'draft') return '';
  const sections = plan.sections
    .filter((s) => rule === 'any-change' || (stageUnder.covers ?? []).includes(s.definition.key))
    .map(sectionView);
  return JSON.stringify(
    rule === 'any-change'
      ? {
          title: plan.title,
          header: plan.header,
          meeting: plan.dates.decisionMeeting,
          keyDecision: plan.dates.keyDecision,
          sections,
        }
      : sections,
  );
}

const reopensArb = (keys: readonly string[]) =>
  fc.oneof(
    fc.constant({ reopens: 'any-change' as const }),
    fc.constant({ reopens: 'draft' as const }),
    fc.subarray([...keys], { minLength: 1 }).map((covers) => ({ reopens: 'sections' as const, covers })),
  );

const ALL_KEYS = [
  'theme-1',
  'theme-3',
  'extra',
  'report.summary',
  'implications.financial',
  'implications.legal',
];

const chainArb = fc.record({
  implications: reopensArb(ALL_KEYS),
  managementTeam: reopensArb(ALL_KEYS),
  portfolio: reopensArb(ALL_KEYS),
  decisionAllowsPending: fc.boolean(),
  signOffsAllowPending: fc.boolean(),
});

function formatWithRules(chain: typeof chainArb extends fc.Arbitrary<infer T> ? T : never): ReportFormat {
  const base = smallFormat();
  const rules = [chain.implications, chain.managementTeam, chain.portfolio];
  return {
    ...base,
    approvalChain: base.approvalChain.map((s, i) =>
      s.kind === 'decision'
        ? { ...s, allowsPending: chain.decisionAllowsPending }
        : { ...s, ...rules[i], allowsPending: chain.signOffsAllowPending },
    ),
  };
}

describe('stages re-open as their rule says (property)', () => {
  const keyArb = fc.constantFrom(...ALL_KEYS);
  const stageArb = fc.constantFrom('implications', 'management-team', 'portfolio-holder');
  /** Steps a person takes; some are several commands (a section sent back, rewritten, accepted). */
  const stepArb = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('revise' as const),
        key: keyArb,
        text: fc.string({ maxLength: 8 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('draft' as const),
        key: keyArb,
        text: fc.string({ maxLength: 8 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('none' as const),
        key: fc.constantFrom('implications.financial', 'implications.legal'),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('toFollow' as const), key: keyArb, clear: fc.boolean() }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('header' as const), text: fc.string({ maxLength: 6 }) }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('start' as const) }) },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('respond' as const),
        stageKey: stageArb,
        approve: fc.boolean(),
        pick: fc.nat(),
        stale: fc.boolean(),
      }),
    },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('approveAll' as const) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('decide' as const) }) },
  );
  type StepOf = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;
  type Act = readonly [Command, string];

  /** The commands of one step, worked out against the plan as it is before each. */
  function* actsOf(step: StepOf, current: () => Plan): Generator<Act> {
    const section = (key: string) => current().sections.find((s) => s.definition.key === key)!;
    const ownerOf = (key: string) => section(key).ownerId ?? testPeople.owner;
    const sendBack = (key: string): Act => [
      { type: 'requestSectionChanges', sectionKey: key, comment: 'redo' },
      testPeople.lead,
    ];
    switch (step.kind) {
      case 'revise':
      case 'draft':
        if (section(step.key).status === 'accepted' || section(step.key).status === 'submitted')
          yield sendBack(step.key);
        yield [
          {
            type: 'editSection',
            sectionKey: step.key,
            baseRevision: section(step.key).revision,
            content: paragraph(step.text),
          },
          ownerOf(step.key),
        ];
        if (step.kind === 'draft') return;
        yield [{ type: 'submitSection', sectionKey: step.key }, ownerOf(step.key)];
        yield [{ type: 'acceptSection', sectionKey: step.key }, testPeople.lead];
        return;
      case 'none':
        if (section(step.key).status === 'accepted') yield sendBack(step.key);
        yield [
          { type: 'completeAsNone', sectionKey: step.key, baseRevision: section(step.key).revision },
          ownerOf(step.key),
        ];
        yield [{ type: 'acceptSection', sectionKey: step.key }, testPeople.lead];
        return;
      case 'toFollow':
        if (!step.clear && section(step.key).status === 'accepted') yield sendBack(step.key);
        yield [
          {
            type: 'setToFollow',
            sectionKey: step.key,
            toFollow: step.clear ? null : { from: 'the Leader', by: '2024-07-03' },
          },
          testPeople.lead,
        ];
        return;
      case 'header':
        yield [{ type: 'setHeaderField', key: 'wards', value: step.text }, testPeople.lead];
        return;
      case 'start':
        yield [{ type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead];
        return;
      case 'respond':
      case 'approveAll': {
        // Approving everything open moves the chain on; a single response goes to any stage.
        const open = current().stages.find((x) => x.state === 'open' && x.kind !== 'decision');
        const stageKey = step.kind === 'respond' ? step.stageKey : (open?.key ?? 'implications');
        const s = stage(current(), stageKey);
        const waiting = s.approverIds.filter((id) => !currentResponses(s).some((r) => r.approverId === id));
        const who =
          step.kind === 'approveAll'
            ? waiting
            : [
                waiting[step.kind === 'respond' ? step.pick % Math.max(1, waiting.length) : 0] ??
                  testPeople.stranger,
              ];
        for (const approver of who) {
          const now = stage(current(), stageKey);
          yield [
            {
              type: 'respond',
              stageKey,
              decision: step.kind === 'respond' && !step.approve ? 'request-changes' : 'approve',
              comment: 'because',
              versionHash:
                step.kind === 'respond' && step.stale ? contentHash(current()) : (now.boundHash ?? ''),
            },
            approver,
          ];
        }
        return;
      }
      case 'decide':
        yield [
          {
            type: 'recordDecision',
            stageKey: 'cabinet',
            meetingBody: 'Cabinet',
            meetingDate: '2024-07-10',
            minuteReference: 'Min. 1',
            callInEndsOn: null,
            outcome: 'approved',
            versionHash: stage(current(), 'cabinet').boundHash ?? '',
          },
          testPeople.lead,
        ];
    }
  }

  it('re-opens a stage iff its rule says the change touches it, and never lets an approval cover content it did not see', () => {
    // What the runs reached, so the property cannot hold by never getting there.
    const reached = {
      reopened: { 'any-change': 0, sections: 0, draft: 0 },
      keptThroughChange: { 'any-change': 0, sections: 0, draft: 0 },
      openedWithToFollow: 0,
      decisions: 0,
      landed: 0,
    };
    fc.assert(
      fc.property(chainArb, fc.array(stepArb, { minLength: 10, maxLength: 40 }), (chain, steps) => {
        let plan = readyForApproval(newSmallPlan(formatWithRules(chain)));
        const seen = new Map<string, Plan>([[contentHash(plan), plan]]);
        // Random steps, then the plan lead drives the chain to its end, so most runs reach the decision.
        const drive: StepOf[] = [
          ...Array.from({ length: 3 }, (): StepOf[] => [{ kind: 'start' }, { kind: 'approveAll' }]).flat(),
          { kind: 'approveAll' },
          { kind: 'decide' },
        ];
        for (const step of [...steps, ...drive]) {
          for (const [command, actor] of actsOf(step, () => plan)) {
            const result = decide(plan, command, { id: actor }, T0);
            if (!result.ok) continue;
            const next = result.value.plan;
            seen.set(contentHash(next), next);

            // Re-opened exactly the stages whose rule says the change touches them.
            const reopened = new Set(
              result.value.events.flatMap((e) => (e.type === 'ApprovalsReopened' ? e.stageKeys : [])),
            );
            for (const before of plan.stages) {
              const bound = before.state !== 'waiting' && before.boundHash !== null;
              const touched = bound && boundView(before, plan) !== boundView(before, next);
              expect(reopened.has(before.key), `${before.key} (${before.reopens})`).toBe(touched);
              const rule = before.reopens ?? 'any-change';
              if (touched) reached.reopened[rule] += 1;
              else if (bound && contentHash(plan) !== contentHash(next)) reached.keptThroughChange[rule] += 1;
            }
            if (result.value.events.some((e) => e.type === 'SectionLanded')) reached.landed += 1;

            // Every stage still bound, and every approval counted in it, saw what its rule binds it to.
            for (const s of next.stages) {
              if (s.state === 'waiting') continue;
              const atBinding = seen.get(s.boundHash!);
              expect(atBinding, 'the bound version was a state of the plan').toBeDefined();
              expect(boundView(s, atBinding!)).toBe(boundView(s, next));
              for (const r of currentResponses(s)) {
                expect(r.hash).toBe(s.boundHash);
                expect(boundView(s, seen.get(r.hash)!)).toBe(boundView(s, next));
              }
              if ((s.reopens ?? 'any-change') === 'any-change') {
                expect(s.boundHash).toBe(contentHash(next));
                expect(s.boundVersion).toBe(next.contentVersion);
              }
            }

            // A decision is never recorded while a section is to follow, unless the decision stage allows it.
            if (command.type === 'recordDecision') {
              reached.decisions += 1;
              expect(chain.decisionAllowsPending || plan.sections.every((s) => s.toFollow === null)).toBe(
                true,
              );
            }
            // A stage that does not allow sections to follow never opens with one.
            for (const e of result.value.events) {
              if (e.type !== 'StageOpened' || stage(next, e.stageKey).kind === 'decision') continue;
              const awaited = next.sections.some((s) => s.toFollow !== null);
              expect(chain.signOffsAllowPending || !awaited).toBe(true);
              if (awaited) reached.openedWithToFollow += 1;
            }
            plan = next;
          }
        }
      }),
      { numRuns: 100 },
    );
    expect(reached.reopened.draft).toBe(0);
    expect(reached.reopened['any-change']).toBeGreaterThan(0);
    expect(reached.reopened.sections).toBeGreaterThan(0);
    expect(reached.keptThroughChange.sections).toBeGreaterThan(0);
    expect(reached.keptThroughChange.draft).toBeGreaterThan(0);
    expect(reached.keptThroughChange['any-change']).toBe(0);
    expect(reached.openedWithToFollow).toBeGreaterThan(0);
    expect(reached.landed).toBeGreaterThan(0);
    expect(reached.decisions).toBeGreaterThan(0);
  });
});
