import { describe, expect, it } from 'vitest';
import {
  defaultProgressPolicy,
  NO_CHANGE,
  cannotStartProgress,
  openProgressUpdate,
  periodsToStart,
  publishProgress,
  respondToProgressUpdate,
  setSummary,
  submitProgressUpdate,
  validatePolicy,
  type ProgressUpdate,
} from '../../../src/domain/kpis/progress-update.js';
import type { Result } from '../../../src/domain/support/result.js';
import { newTestPlan, publishedPlan, testPeople } from '../../support/fixtures/index.js';

const plan = publishedPlan({ on: '2024-06-28' });
const lead = { actor: testPeople.lead, now: '2024-10-02T09:00:00Z' };
const portfolio = { actor: testPeople.portfolio, now: '2024-10-03T09:00:00Z' };
const policy = defaultProgressPolicy(plan);
const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);

function value<T>(result: Result<T | typeof NO_CHANGE>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  if (result.value === NO_CHANGE) throw new Error('expected a change');
  return result.value;
}

const draft = (): ProgressUpdate => value(openProgressUpdate(plan, policy, 'FY2024-25-Q2', lead));

describe('the progress update chain', () => {
  it('is by default the plan’s sign-off stages other than the implications officers’', () => {
    expect(policy).toEqual({ frequency: 'quarterly', stageKeys: ['portfolio-holder-sign-off'] });
    const sandwell = newTestPlan({ formatId: 'sandwell-cabinet' }).plan;
    expect(defaultProgressPolicy(sandwell).stageKeys).toEqual([
      'director-sign-off',
      'portfolio-holder-sign-off',
    ]);
  });

  it('can name any of the plan’s stages but a meeting’s decision, and keeps the plan’s order', () => {
    expect(
      validatePolicy(plan, {
        frequency: 'quarterly',
        stageKeys: ['portfolio-holder-sign-off', 'management-team-endorsement'],
      }),
    ).toEqual({
      ok: true,
      value: {
        frequency: 'quarterly',
        stageKeys: ['management-team-endorsement', 'portfolio-holder-sign-off'],
      },
    });
    const bad = validatePolicy(plan, {
      frequency: 'quarterly',
      stageKeys: ['cabinet-decision', 'nope', 'nope'],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!bad.ok)
      expect(bad.error.details?.['problems']).toEqual([
        expect.stringContaining("is a meeting's decision"),
        'The plan has no approval stage "nope"',
        'The plan has no approval stage "nope"',
        '"nope" is named twice',
      ]);
  });
});

describe('a progress update', () => {
  it('is started by the plan lead, for an ended period of a published plan', () => {
    expect(draft()).toMatchObject({
      id: `${plan.id}--FY2024-25-Q2`,
      status: 'draft',
      version: 0,
      hash: null,
    });
    expect(openProgressUpdate(plan, policy, 'FY2024-25-Q2', portfolio)).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    expect(openProgressUpdate(plan, policy, 'FY2024-25-Q3', lead)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(openProgressUpdate(plan, policy, '2024-09', lead)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(openProgressUpdate({ ...plan, status: 'decided' }, policy, 'FY2024-25-Q2', lead)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });

  it('can be started, as the list offers, for the last four ended periods that have none', () => {
    const keys = (taken: string[]) =>
      periodsToStart('quarterly', '2024-10-02', new Set(taken)).map((p) => p.key);
    expect(keys([])).toEqual(['FY2024-25-Q2', 'FY2024-25-Q1', 'FY2023-24-Q4', 'FY2023-24-Q3']);
    expect(keys(['FY2024-25-Q2', 'FY2023-24-Q4'])).toEqual(['FY2024-25-Q1', 'FY2023-24-Q3']);
    expect(keys(['FY2024-25-Q2', 'FY2024-25-Q1', 'FY2023-24-Q4', 'FY2023-24-Q3'])).toEqual([]);
    // The last day of a quarter: it has not ended, so the one before is the newest offered.
    expect(periodsToStart('quarterly', '2024-09-30', new Set())[0]?.key).toBe('FY2024-25-Q1');
    expect(periodsToStart('monthly', '2024-10-02', new Set(), 2).map((p) => p.key)).toEqual([
      '2024-09',
      '2024-08',
    ]);
    // Every period offered is one starting would take.
    for (const period of periodsToStart('quarterly', '2024-10-02', new Set()))
      expect(openProgressUpdate(plan, policy, period.key, lead).ok).toBe(true);
  });

  it('says why someone cannot start one: not the lead, or the plan not yet published', () => {
    expect(cannotStartProgress(plan, testPeople.lead)).toBeNull();
    expect(cannotStartProgress(plan, testPeople.portfolio)).toMatchObject({
      error: { code: 'NOT_ALLOWED', message: 'Only the plan lead can start a progress update.' },
    });
    expect(cannotStartProgress({ ...plan, status: 'decided' }, testPeople.lead)).toMatchObject({
      error: { code: 'INVALID_STATE', message: expect.stringContaining('publish the plan first') },
    });
  });

  it('goes to the portfolio holder bound to its content, and is approved by their sign-off', () => {
    const submitted = value(submitProgressUpdate(plan, policy, draft(), H1, lead));
    expect(submitted).toMatchObject({ status: 'in-approval', version: 1, hash: H1 });
    expect(submitted.stages).toHaveLength(1);
    expect(submitted.stages[0]).toMatchObject({
      key: 'portfolio-holder-sign-off',
      state: 'open',
      round: 1,
      boundHash: H1,
      approverIds: [testPeople.portfolio],
    });
    expect(submitProgressUpdate(plan, policy, submitted, H1, lead)).toEqual({ ok: true, value: NO_CHANGE });
    const approved = value(
      respondToProgressUpdate(
        plan,
        submitted,
        { stageKey: 'portfolio-holder-sign-off', decision: 'approve', comment: null, hash: H1 },
        H1,
        portfolio,
      ),
    );
    expect(approved.status).toBe('approved');
    // The same click again changes nothing.
    expect(
      respondToProgressUpdate(
        plan,
        approved,
        { stageKey: 'portfolio-holder-sign-off', decision: 'approve', comment: null, hash: H1 },
        H1,
        portfolio,
      ),
    ).toEqual({ ok: true, value: NO_CHANGE });
    const published = value(
      publishProgress(plan, approved, H1, [{ label: 'Web page', url: 'https://x.example/p' }], lead),
    );
    expect(published).toMatchObject({
      status: 'published',
      publication: { hash: H1, version: 1, publishedBy: testPeople.lead },
    });
  });

  it('refuses responses from others, to old content, and publication of anything not approved as it stands', () => {
    const submitted = value(submitProgressUpdate(plan, policy, draft(), H1, lead));
    const answer = {
      stageKey: 'portfolio-holder-sign-off',
      decision: 'approve' as const,
      comment: null,
      hash: H1,
    };
    expect(respondToProgressUpdate(plan, submitted, answer, H1, lead)).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    expect(respondToProgressUpdate(plan, submitted, answer, H2, portfolio)).toMatchObject({
      ok: false,
      error: { code: 'STALE_VERSION' },
    });
    expect(respondToProgressUpdate(plan, submitted, { ...answer, hash: H2 }, H1, portfolio)).toMatchObject({
      ok: false,
      error: { code: 'STALE_VERSION' },
    });
    expect(publishProgress(plan, submitted, H1, [], lead)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    const approved = value(respondToProgressUpdate(plan, submitted, answer, H1, portfolio));
    expect(publishProgress(plan, approved, H2, [], lead)).toMatchObject({
      ok: false,
      error: { code: 'STALE_VERSION' },
    });
    expect(publishProgress(plan, approved, H1, [], portfolio)).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
  });

  it('goes back to the lead when changes are asked for, and round again when resubmitted with new content', () => {
    const submitted = value(submitProgressUpdate(plan, policy, draft(), H1, lead));
    expect(
      respondToProgressUpdate(
        plan,
        submitted,
        { stageKey: 'portfolio-holder-sign-off', decision: 'request-changes', comment: ' ', hash: H1 },
        H1,
        portfolio,
      ),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const changes = value(
      respondToProgressUpdate(
        plan,
        submitted,
        {
          stageKey: 'portfolio-holder-sign-off',
          decision: 'request-changes',
          comment: 'Say why agency spend rose.',
          hash: H1,
        },
        H1,
        portfolio,
      ),
    );
    expect(changes.status).toBe('changes-requested');
    const summarised = value(
      setSummary(plan, changes, 'Agency spend rose with early winter pressures.', lead),
    );
    const again = value(submitProgressUpdate(plan, policy, summarised, H2, lead));
    expect(again).toMatchObject({ status: 'in-approval', version: 2, hash: H2 });
    expect(again.stages[0]).toMatchObject({ state: 'open', round: 2, boundHash: H2 });
    expect(again.stages[0]!.responses).toHaveLength(1);
  });

  it('with a longer chain, opens each stage in turn under the rule the format gives it', () => {
    const longer = {
      frequency: 'quarterly' as const,
      stageKeys: ['management-team-endorsement', 'portfolio-holder-sign-off'],
    };
    let update = value(submitProgressUpdate(plan, longer, draft(), H1, lead));
    const mt = update.stages[0]!;
    expect(mt).toMatchObject({
      key: 'management-team-endorsement',
      state: 'open',
      rule: { kind: 'quorum', n: 3 },
    });
    expect(mt.mandatoryIds).toEqual([testPeople.chiefExecutive]);
    // Three approvals, the chief executive's among them, as the format's rule requires.
    const three = [
      testPeople.chiefExecutive,
      ...mt.approverIds.filter((id) => id !== testPeople.chiefExecutive).slice(0, 2),
    ];
    for (const approver of three) {
      update = value(
        respondToProgressUpdate(
          plan,
          update,
          { stageKey: mt.key, decision: 'approve', comment: null, hash: H1 },
          H1,
          {
            actor: approver,
            now: portfolio.now,
          },
        ),
      );
    }
    expect(update.stages.map((s) => s.state)).toEqual(['approved', 'open']);
    expect(update.status).toBe('in-approval');
  });

  it('keeps its summary trimmed and bounded, and frozen once published', () => {
    const d = draft();
    expect(setSummary(plan, d, '   ', lead)).toEqual({ ok: true, value: NO_CHANGE });
    expect(setSummary(plan, d, 'x'.repeat(5001), lead)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(value(setSummary(plan, d, '  Good quarter. ', lead)).summary).toBe('Good quarter.');
    expect(setSummary(plan, { ...d, status: 'published' }, 'x', lead)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(setSummary(plan, d, 'x', portfolio)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });
});
