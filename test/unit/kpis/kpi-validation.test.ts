import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  measure,
  problemsOf,
  sameDefinition,
  validateKpiDefinition,
  type KpiDraft,
} from '../../../src/domain/kpis/kpi.js';
import { agencyShareDraft, onlineDraft, THEMES } from '../../support/fixtures/index.js';

function problems(draft: KpiDraft): string[] {
  const result = validateKpiDefinition(draft, THEMES);
  if (result.ok) return [];
  expect(result.error.code).toBe('VALIDATION');
  return problemsOf(result.error);
}

describe('a percentage computed from a part and a whole', () => {
  const share = { unit: 'percent' as const, share: agencyShareDraft().share };

  it('is the part over the whole, times 100, keeping both', () => {
    expect(measure(share, { part: 4_100_000, whole: 98_000_000 }, 'Q1')).toEqual({
      ok: true,
      value: { value: (4_100_000 / 98_000_000) * 100, part: 4_100_000, whole: 98_000_000 },
    });
    expect(measure(share, { part: 0, whole: 5 }, 'Q1')).toMatchObject({ ok: true, value: { value: 0 } });
    expect(measure(share, { part: 5, whole: 5 }, 'Q1')).toMatchObject({ ok: true, value: { value: 100 } });
  });

  it('is always between 0 and 100 when it is accepted, and refused otherwise', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        (part, whole) => {
          const result = measure(share, { part, whole }, 'Q1');
          const sensible = part >= 0 && whole > 0 && part <= whole;
          expect(result.ok).toBe(sensible);
          if (result.ok) {
            expect(result.value.value).toBeGreaterThanOrEqual(0);
            expect(result.value.value).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });

  it('names the problem: over 100%, negative spend, a missing base, a zero base, a typed percentage', () => {
    const cases: [Parameters<typeof measure>[1], string][] = [
      [{ part: 120, whole: 100 }, 'The value for Q1: Agency spend is more than Staff budget (over 100%)'],
      [{ part: -5, whole: 100 }, 'The value for Q1: Agency spend cannot be negative'],
      [{ part: 5, whole: -100 }, 'The value for Q1: Staff budget cannot be negative'],
      [{ part: 5 }, 'The value for Q1: enter Staff budget so the share can be computed'],
      [{ part: 5, whole: null }, 'The value for Q1: enter Staff budget so the share can be computed'],
      [{ whole: 100 }, 'The value for Q1: enter Agency spend'],
      [{ part: 5, whole: 0 }, 'The value for Q1: Staff budget is zero, so the share cannot be computed'],
      [
        { value: 4.2 },
        'The value for Q1: enter Agency spend and Staff budget; the percentage is computed from them, not typed',
      ],
      [{ part: Number.NaN, whole: 100 }, 'The value for Q1: part must be a number'],
    ];
    for (const [entry, problem] of cases) {
      const result = measure(share, entry, 'The value for Q1');
      expect(result.ok, JSON.stringify(entry)).toBe(false);
      if (!result.ok) expect(problemsOf(result.error)).toContain(problem);
    }
  });
});

describe('a value in a unit', () => {
  it('refuses a negative spend, a fractional or negative count, a percentage over 100', () => {
    const cases: [Parameters<typeof measure>[0], number, string][] = [
      [{ unit: 'currency-gbp', share: null }, -10, 'The baseline cannot be negative'],
      [{ unit: 'count', share: null }, 2.5, 'The baseline must be a whole number'],
      [{ unit: 'count', share: null }, -1, 'The baseline cannot be negative'],
      [{ unit: 'hours', share: null }, -0.5, 'The baseline cannot be negative'],
      [{ unit: 'percent', share: null }, 100.1, 'The baseline is over 100%'],
      [{ unit: 'percent', share: null }, -1, 'The baseline cannot be negative'],
    ];
    for (const [kpi, value, problem] of cases) {
      const result = measure(kpi, { value }, 'The baseline');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(problemsOf(result.error)).toEqual([problem]);
    }
    expect(measure({ unit: 'number', share: null }, { value: -3.5 }, 'x')).toMatchObject({ ok: true });
    expect(measure({ unit: 'percent', share: null }, { value: 100 }, 'x')).toMatchObject({ ok: true });
    expect(measure({ unit: 'count', share: null }, {}, 'The value')).toMatchObject({
      ok: false,
      error: { message: 'The value: enter a value (a count)' },
    });
    expect(measure({ unit: 'count', share: null }, { part: 1, whole: 2 }, 'The value')).toMatchObject({
      ok: false,
    });
  });
});

describe('a KPI definition', () => {
  it('accepts a complete one, trimmed, with the baseline share computed', () => {
    const result = validateKpiDefinition(agencyShareDraft({ name: '  Agency share ' }), THEMES);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.name).toBe('Agency share');
    expect(result.value.baseline).toEqual({
      value: 4.2,
      part: 4_200_000,
      whole: 100_000_000,
      date: '2024-03-31',
    });
    expect(sameDefinition(result.value, { ...result.value })).toBe(true);
    expect(sameDefinition(result.value, { ...result.value, source: 'x' })).toBe(false);
  });

  it('names every missing or wrong field at once', () => {
    const found = problems(
      onlineDraft({
        name: ' ',
        definition: '',
        source: '',
        ownerId: '',
        theme: 9,
        baseline: { value: 10, date: '31/03/2024' },
        target: { value: 20, date: '' },
      }),
    );
    expect(found).toEqual([
      'Give the KPI a name',
      'Say what the KPI measures',
      'Say where the figures come from',
      'Name an owner',
      'Theme 9 is not a theme of this plan',
      'Give the date of the baseline',
      'Give the date of the target',
    ]);
  });

  it('refuses a target date before (or on) the baseline date', () => {
    expect(problems(onlineDraft({ target: { value: 16_000, date: '2023-03-31' } }))).toEqual([
      'The target date (2023-03-31) must be after the baseline date (2024-03-31)',
    ]);
    expect(problems(onlineDraft({ target: { value: 16_000, date: '2024-03-31' } }))).toHaveLength(1);
  });

  it('refuses a target on the wrong side of the baseline for its direction', () => {
    expect(problems(onlineDraft({ target: { value: 9_000, date: '2025-03-31' } }))).toEqual([
      'The target (9000) is below the baseline (10000) but higher is better: check the direction',
    ]);
    expect(problems(agencyShareDraft({ target: { value: 5, date: '2026-03-31' } }))).toEqual([
      'The target (5) is above the baseline (4.2) but lower is better: check the direction',
    ]);
  });

  it('refuses a share baseline without its base, over 100%, or with negative spend', () => {
    expect(problems(agencyShareDraft({ baseline: { part: 4_200_000, date: '2024-03-31' } }))).toEqual([
      'The baseline: enter Staff budget so the share can be computed',
    ]);
    expect(problems(agencyShareDraft({ baseline: { part: 5, whole: 4, date: '2024-03-31' } }))).toEqual([
      'The baseline: Agency spend is more than Staff budget (over 100%)',
    ]);
    expect(problems(agencyShareDraft({ baseline: { part: -5, whole: 4, date: '2024-03-31' } }))).toContain(
      'The baseline: Agency spend cannot be negative',
    );
    expect(problems(agencyShareDraft({ target: { value: 120, date: '2026-03-31' } }))).toContain(
      'The target is over 100%',
    );
    expect(problems(onlineDraft({ target: { value: null, date: '2025-03-31' } }))).toEqual([
      'Give the target value',
    ]);
  });

  it('computes shares only for percentages', () => {
    expect(problems(agencyShareDraft({ unit: 'currency-gbp' }))).toContain(
      'Only a percentage can be computed from a part and a whole',
    );
  });
});
