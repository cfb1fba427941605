import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveRag, expectedOn, kpiRag, latestValue, type RagInput } from '../../../src/domain/kpis/rag.js';
import { agencyShareDraft, kpiFrom, onlineDraft, valueOf } from '../../support/fixtures/index.js';

/** Higher is better: 100 on 1 Jan 2024 to 200 on 31 Dec 2024 (366 days, so 1 July is half way). */
const rising = (actual: number | null, date = '2024-07-01'): RagInput => ({
  direction: 'higher-is-better',
  baseline: { value: 100, date: '2024-01-01' },
  target: { value: 200, date: '2024-12-31' },
  actual: actual === null ? null : { value: actual, date },
});

/** Lower is better: 40 days to 10 days over the same year. */
const falling = (actual: number | null, date = '2024-07-01'): RagInput => ({
  direction: 'lower-is-better',
  baseline: { value: 40, date: '2024-01-01' },
  target: { value: 10, date: '2024-12-31' },
  actual: actual === null ? null : { value: actual, date },
});

describe('the trajectory', () => {
  it('runs straight from baseline to target and is held flat outside their dates', () => {
    const baseline = { value: 100, date: '2024-01-01' };
    const target = { value: 200, date: '2024-12-31' };
    expect(expectedOn(baseline, target, '2024-01-01')).toBe(100);
    expect(expectedOn(baseline, target, '2024-07-01')).toBeCloseTo(100 + (100 * 182) / 365, 10);
    expect(expectedOn(baseline, target, '2024-12-31')).toBe(200);
    expect(expectedOn(baseline, target, '2023-06-01')).toBe(100);
    expect(expectedOn(baseline, target, '2026-01-01')).toBe(200);
  });
});

describe('RAG when higher is better', () => {
  it('is green on or above the trajectory, amber between it and the baseline, red at or below the baseline', () => {
    const onTrack = expectedOn(
      { value: 100, date: '2024-01-01' },
      { value: 200, date: '2024-12-31' },
      '2024-07-01',
    );
    expect(deriveRag(rising(onTrack)).status).toBe('green');
    expect(deriveRag(rising(onTrack + 1)).status).toBe('green');
    expect(deriveRag(rising(250)).status).toBe('green');
    expect(deriveRag(rising(onTrack - 1)).status).toBe('amber');
    expect(deriveRag(rising(101)).status).toBe('amber');
    expect(deriveRag(rising(100)).status).toBe('red');
    expect(deriveRag(rising(60)).status).toBe('red');
  });

  it('judges a value against the trajectory on the date it is as at', () => {
    // 140 is ahead of the line in February and behind it in October.
    expect(deriveRag(rising(140, '2024-02-29')).status).toBe('green');
    expect(deriveRag(rising(140, '2024-10-31')).status).toBe('amber');
    // After the target date only the target itself is green.
    expect(deriveRag(rising(199, '2025-03-31')).status).toBe('amber');
    expect(deriveRag(rising(200, '2025-03-31')).status).toBe('green');
  });

  it('treats a value typed as the target as meeting it, despite floating-point arithmetic', () => {
    const input = {
      ...rising(0.3, '2024-12-31'),
      baseline: { value: 0.1, date: '2024-01-01' },
      target: { value: 0.1 + 0.2, date: '2024-12-31' },
    };
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(deriveRag(input).status).toBe('green');
  });
});

describe('RAG when lower is better', () => {
  it('is green on or below the trajectory, amber between it and the baseline, red at or above the baseline', () => {
    const onTrack = expectedOn(
      { value: 40, date: '2024-01-01' },
      { value: 10, date: '2024-12-31' },
      '2024-07-01',
    );
    expect(deriveRag(falling(onTrack)).status).toBe('green');
    expect(deriveRag(falling(5)).status).toBe('green');
    expect(deriveRag(falling(onTrack + 1)).status).toBe('amber');
    expect(deriveRag(falling(39)).status).toBe('amber');
    expect(deriveRag(falling(40)).status).toBe('red');
    expect(deriveRag(falling(55)).status).toBe('red');
  });

  it('is the mirror image of higher is better', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: -400, max: 800 }),
        (baseline, target, actual, day) => {
          const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
          const up: RagInput = {
            direction: 'higher-is-better',
            baseline: { value: baseline, date: '2024-01-01' },
            target: { value: target, date: '2024-12-31' },
            actual: { value: actual, date },
          };
          const down: RagInput = {
            direction: 'lower-is-better',
            baseline: { value: -baseline, date: '2024-01-01' },
            target: { value: -target, date: '2024-12-31' },
            actual: { value: -actual, date },
          };
          expect(deriveRag(down).status).toBe(deriveRag(up).status);
        },
      ),
    );
  });

  it('never gets worse as the value gets better', () => {
    const rank = { red: 0, amber: 1, green: 2, none: -1 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.integer({ min: 0, max: 365 }),
        (value, improvement, day) => {
          const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
          const worse = deriveRag(falling(value, date)).status;
          const better = deriveRag(falling(value - improvement, date)).status;
          expect(rank[better]).toBeGreaterThanOrEqual(rank[worse]);
        },
      ),
    );
  });
});

describe('RAG with missing data', () => {
  it('is no status, not red, and says what is missing', () => {
    const cases: [RagInput, RegExp][] = [
      [rising(null), /No value has been reported/],
      [{ ...rising(150), actual: { value: null, date: '2024-07-01' } }, /No value/],
      [{ ...rising(150), baseline: null }, /no baseline/],
      [{ ...rising(150), baseline: { value: null, date: '2024-01-01' } }, /no baseline/],
      [{ ...rising(150), target: null }, /no target/],
      [{ ...rising(150), target: { value: Number.NaN, date: '2024-12-31' } }, /no target/],
      [{ ...rising(150), baseline: { value: 100, date: 'not a date' } }, /no baseline/],
      [{ ...rising(150), target: { value: 200, date: '2023-12-31' } }, /target date is not after/],
    ];
    for (const [input, reason] of cases) {
      const result = deriveRag(input);
      expect(result.status, JSON.stringify(input)).toBe('none');
      expect(result.reason).toMatch(reason);
    }
  });
});

describe('a KPI’s status from its reported values', () => {
  it('uses the latest value as at the date, and has none before the first', () => {
    const kpi = kpiFrom(onlineDraft());
    const values = [
      valueOf(kpi, '2024-04', 10_400),
      valueOf(kpi, '2024-06', 12_000),
      valueOf(kpi, '2024-05', 10_200),
    ];
    expect(kpiRag(kpi, values, '2024-04-15').status).toBe('none');
    expect(latestValue(kpi.id, values, '2024-05-31')?.periodKey).toBe('2024-05');
    // May: 10,200 against a trajectory of about 11,000: better than the baseline, behind the line.
    expect(kpiRag(kpi, values, '2024-05-31').status).toBe('amber');
    // June: 12,000 against about 11,500.
    expect(kpiRag(kpi, values, '2024-06-30').status).toBe('green');
    expect(kpiRag(kpi, [valueOf({ ...kpi, id: 'other' }, '2024-06', 20_000)], '2024-06-30').status).toBe(
      'none',
    );
  });

  it('judges a share computed from its part and whole, lower being better', () => {
    const kpi = kpiFrom(agencyShareDraft());
    expect(kpi.baseline.value).toBeCloseTo(4.2, 10);
    // Q1 2024/25 ends 30 June 2024: the trajectory from 4.2% to 3% is at about 4.05% then.
    expect(kpiRag(kpi, [valueOf(kpi, 'FY2024-25-Q1', 4.0)], '2024-07-01').status).toBe('green');
    expect(kpiRag(kpi, [valueOf(kpi, 'FY2024-25-Q1', 4.1)], '2024-07-01').status).toBe('amber');
    expect(kpiRag(kpi, [valueOf(kpi, 'FY2024-25-Q1', 4.3)], '2024-07-01').status).toBe('red');
  });
});
