import { describe, expect, it } from 'vitest';
import { submissionChecks } from '../../../src/domain/checks/submission-checks.js';
import { decide } from '../../../src/domain/workflow/decide.js';
import { newTestPlan, T0, testPeople } from '../../support/fixtures/index.js';

describe('submission checks', () => {
  it('name what is missing: questions, length, figures, member endorsement and publication', () => {
    const checks = submissionChecks(newTestPlan().plan);
    const byKey = Object.fromEntries(checks.map((c) => [c.key, c]));
    expect(byKey['questions']).toMatchObject({
      passed: false,
      blocking: false,
      message: expect.stringContaining('25 of 25'),
    });
    expect(byKey['length']).toMatchObject({ passed: false, message: expect.stringContaining('3–4') });
    expect(byKey['figures']).toMatchObject({
      passed: false,
      message: expect.stringContaining('9 figure(s) not entered'),
    });
    expect(byKey['member-endorsement']).toMatchObject({ passed: false, blocking: true });
    expect(byKey['web-publication']).toMatchObject({ passed: false, blocking: true });
  });

  it('stop the submission being recorded until members endorsed and the plan is published', () => {
    const result = decide(
      newTestPlan().plan,
      {
        type: 'recordSubmission',
        to: 'productivityplans@levellingup.gov.uk',
        submittedOn: '2024-07-18',
        reference: null,
      },
      { id: testPeople.lead },
      T0,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { checks: ['member-endorsement', 'web-publication'] } },
    });
  });
});
