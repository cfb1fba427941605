import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAction, parseActionData } from '../../../src/cards/verbs.js';

const button = { planId: 'plan-1', kpiId: 'kpi-1', periodKey: 'FY2024-25-Q1' };

describe('the kpi.checkin payload', () => {
  it('reads numbers sent as numbers or as text, as the renderers send them, and blank as nothing', () => {
    expect(parseActionData('kpi.checkin', { ...button, value: '12,400.5', comment: '  Up. ' })).toEqual({
      ok: true,
      value: { ...button, value: 12_400.5, part: null, whole: null, comment: 'Up.' },
    });
    expect(parseActionData('kpi.checkin', { ...button, part: 1_000_000, whole: '25000000' })).toMatchObject({
      ok: true,
      value: { value: null, part: 1_000_000, whole: 25_000_000, comment: null },
    });
    expect(parseActionData('kpi.checkin', { ...button, value: '  ', comment: '' })).toMatchObject({
      ok: true,
      value: { value: null, comment: null },
    });
    expect(parseActionData('kpi.checkin', { ...button, value: '-3', part: '.5' })).toMatchObject({
      ok: true,
      value: { value: -3, part: 0.5 },
    });
  });

  it('refuses what is not a number, a period that is not one, and fields it does not expect', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...button, value: 'twelve' }, 'value: must be a number'],
      [{ ...button, value: '1e9' }, 'value: must be a number'],
      [{ ...button, value: 'Infinity' }, 'value: must be a number'],
      [{ ...button, value: Number.NaN }, 'value: must be a number'],
      [{ ...button, whole: true }, 'whole: must be a number'],
      [{ ...button, periodKey: 'Q1' }, 'periodKey: must name a period, e.g. FY2024-25-Q1'],
      [{ ...button, periodKey: 'FY2024-26-Q1' }, 'periodKey: must name a period, e.g. FY2024-25-Q1'],
      [{ ...button, kpiId: '' }, 'kpiId: must be a non-empty string of at most 100 characters'],
      [{ ...button, ownerId: 'me' }, 'ownerId: not expected'],
      [
        { planId: 'plan-1', periodKey: 'FY2024-25-Q1' },
        'kpiId: must be a non-empty string of at most 100 characters',
      ],
    ];
    for (const [data, issue] of cases) {
      const result = parseActionData('kpi.checkin', data);
      expect(result.ok, JSON.stringify(data)).toBe(false);
      if (!result.ok) expect(result.error.issues).toContain(issue);
    }
  });

  it('never throws whatever arrives, and is a known verb', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        expect(() => parseActionData('kpi.checkin', data)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('value', 'part', 'whole', 'comment'), fc.anything()),
        (inputs) => {
          const result = parseActionData('kpi.checkin', { ...button, ...inputs });
          if (result.ok) {
            for (const key of ['value', 'part', 'whole'] as const) {
              const v = result.value[key];
              expect(v === null || Number.isFinite(v)).toBe(true);
            }
          }
        },
      ),
    );
    expect(parseAction('kpi.checkin', button)).toMatchObject({ ok: true, value: { verb: 'kpi.checkin' } });
  });
});
