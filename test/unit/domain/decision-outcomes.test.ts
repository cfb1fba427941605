/**
 * What each council's decision stage allows: every outcome it lists can be recorded and does what the
 * outcome means (carried on, waiting for the next meeting, or back to drafting); any other is refused with
 * VALIDATION naming the outcomes the meeting may reach.
 */
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/domain/documents/content-hash.js';
import type { Command } from '../../../src/domain/plan/commands.js';
import { DECISION_OUTCOMES, type DecisionOutcome } from '../../../src/domain/governance/decision-outcomes.js';
import {
  callInApplies,
  stageOutcomes,
  stagePublishableOutcomes,
} from '../../../src/domain/governance/governance.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import { decide } from '../../../src/domain/workflow/decide.js';
import { loadReportFormat } from '../../../src/templates/load.js';
import { catalog, testPeople } from '../../support/fixtures/index.js';
import { atDecision, openDecision } from './decision-stage.js';

type RecordDecision = Extract<Command, { type: 'recordDecision' }>;

const record = (plan: Plan, outcome: DecisionOutcome): RecordDecision => {
  const stage = openDecision(plan);
  return {
    type: 'recordDecision',
    stageKey: stage.key,
    meetingBody: 'The meeting',
    meetingDate: '2024-05-22',
    minuteReference: 'Min. 9',
    callInEndsOn: callInApplies(plan) ? '2024-05-31' : null,
    outcome,
    versionHash: contentHash(plan),
  };
};

const decideAsLead = (plan: Plan, command: Command) =>
  decide(plan, command, { id: testPeople.lead }, '2024-06-03T09:00:00Z');

const ALLOWED: Readonly<Record<string, readonly DecisionOutcome[]>> = {
  'ashcombe-borough-cabinet': [
    'noted-and-approved-for-publication',
    'approved-with-amendments',
    'noted',
    'deferred',
    'rejected',
  ],
  'barking-and-dagenham-cabinet': ['approved', 'approved-with-amendments', 'rejected', 'deferred'],
  'durham-cabinet': ['approved', 'approved-with-amendments', 'rejected', 'deferred'],
  'fenmarsh-governance-and-resources': ['approved', 'approved-with-amendments', 'deferred', 'rejected'],
  'sandwell-cabinet': ['approved', 'approved-with-amendments', 'rejected', 'deferred'],
  'wealdshire-county-cabinet': ['approved', 'approved-with-amendments', 'deferred', 'rejected'],
};

describe.each(catalog.reportFormats.map((f) => [f.id, f] as const))('the %s decision stage', (id, format) => {
  const plan = atDecision(format);
  const stage = openDecision(plan);

  it('allows the outcomes its format lists', () => {
    expect(stageOutcomes(stage)).toEqual(ALLOWED[id]);
  });

  it.each(stageOutcomes(stage).map((o) => [o]))('records %s and does what it means', (outcome) => {
    const result = decideAsLead(plan, record(plan, outcome));
    if (!result.ok) throw new Error(result.error.message);
    const after = result.value.plan;
    const closed = after.stages.find((s) => s.key === stage.key)!;
    expect(after.decision).toMatchObject({ outcome, stageKey: stage.key });
    if (stagePublishableOutcomes(stage).includes(outcome)) {
      expect(closed.state).toBe('approved');
      expect(after.status).toBe('decided');
    } else if (outcome === 'deferred') {
      expect(closed.state).toBe('open');
      expect(after.status).toBe('awaiting-decision');
    } else {
      expect(closed.state).toBe('changes-requested');
      expect(after.status).toBe('drafting');
    }
  });

  it.each(DECISION_OUTCOMES.filter((o) => !stageOutcomes(stage).includes(o)).map((o) => [o]))(
    'refuses %s with VALIDATION naming the outcomes it allows',
    (outcome) => {
      const result = decideAsLead(plan, record(plan, outcome));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.details).toMatchObject({ allowed: ALLOWED[id] });
      expect(result.error.message).toContain(stage.title);
      for (const allowed of ALLOWED[id] ?? [])
        expect(result.error.message).toContain(allowed.replace(/-/g, ' '));
    },
  );
});

describe('what outcomes do', () => {
  const ashcombe = catalog.reportFormats.find((f) => f.id === 'ashcombe-borough-cabinet')!;

  it('refuses an outcome that is not an outcome at all, naming the allowed set', () => {
    const plan = atDecision(ashcombe);
    const result = decideAsLead(plan, record(plan, 'adopted' as DecisionOutcome));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (result.ok) return;
    expect(result.error.message).toBe(
      '“Cabinet decision” cannot record the outcome "adopted": the meeting may resolve noted and approved for publication, approved with amendments, noted, deferred or rejected.',
    );
  });

  it('keeps a deferred plan awaiting the decision, which the next meeting then takes', () => {
    let plan = atDecision(ashcombe);
    const deferred = decideAsLead(plan, {
      ...record(plan, 'deferred'),
      meetingDate: '2024-05-14',
      callInEndsOn: null,
    });
    if (!deferred.ok) throw new Error(deferred.error.message);
    plan = deferred.value.plan;
    expect(plan.status).toBe('awaiting-decision');
    expect(plan.decision).toMatchObject({
      outcome: 'deferred',
      meetingDate: '2024-05-14',
      callInEndsOn: null,
    });
    const decided = decideAsLead(plan, record(plan, 'noted-and-approved-for-publication'));
    if (!decided.ok) throw new Error(decided.error.message);
    expect(decided.value.plan.status).toBe('decided');
    expect(decided.value.plan.decision).toMatchObject({
      meetingDate: '2024-05-22',
      callInEndsOn: '2024-05-31',
    });
  });

  it('sends a plan Cabinet only noted back to drafting: noting it did not approve publication', () => {
    const plan = atDecision(ashcombe);
    const noted = decideAsLead(plan, { ...record(plan, 'noted'), callInEndsOn: null });
    if (!noted.ok) throw new Error(noted.error.message);
    expect(noted.value.plan.status).toBe('drafting');
  });

  it('refuses an end of call-in for a committee, whose decisions are not called in', () => {
    const fenmarsh = catalog.reportFormats.find((f) => f.id === 'fenmarsh-governance-and-resources')!;
    const plan = atDecision(fenmarsh);
    const result = decideAsLead(plan, { ...record(plan, 'approved'), callInEndsOn: '2024-05-31' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('opens the next decision stage after a decision that carries the plan on (Executive, then Full Council)', () => {
    const wessex = loadReportFormat(
      new URL('../../fixtures/report-formats/wessex-vale.json', import.meta.url).pathname,
    );
    const plan = atDecision(wessex);
    expect(openDecision(plan).key).toBe('executive');
    const result = decideAsLead(plan, record(plan, 'approved'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.plan.status).toBe('awaiting-decision');
    expect(openDecision(result.value.plan).key).toBe('full-council');
  });
});
