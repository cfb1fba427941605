import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMING, nextSaveAt } from '../../../src/tab/views/section/autosave-policy.js';

const timing = DEFAULT_TIMING; // a 3 s pause, at most once per 10 s
const never = Number.NEGATIVE_INFINITY;

describe('when the section editor saves', () => {
  it('saves a few seconds after typing pauses', () => {
    expect(nextSaveAt({ lastSaveAt: never, dirtySince: 1_000, lastChangeAt: 2_000 }, timing)).toBe(5_000);
  });

  it('never saves twice within the interval, however often typing pauses', () => {
    expect(nextSaveAt({ lastSaveAt: 5_000, dirtySince: 6_000, lastChangeAt: 6_000 }, timing)).toBe(15_000);
  });

  it('saves after the interval even when typing never pauses for long', () => {
    // Typing since 20 s, the last key a moment ago: it does not wait for a pause past 30 s.
    expect(nextSaveAt({ lastSaveAt: 10_000, dirtySince: 20_000, lastChangeAt: 29_500 }, timing)).toBe(30_000);
  });

  it('on blur or leaving, saves as soon as the interval allows, without waiting for a pause', () => {
    // Due already (at or before the blur at 25 s): it goes at once.
    expect(
      nextSaveAt({ lastSaveAt: 10_000, dirtySince: 12_000, lastChangeAt: 25_000 }, timing, 0),
    ).toBeLessThanOrEqual(25_000);
    expect(nextSaveAt({ lastSaveAt: 20_000, dirtySince: 21_000, lastChangeAt: 22_000 }, timing, 0)).toBe(
      30_000,
    );
  });

  it('an editor typing steadily for a minute saves at most six times', () => {
    let lastSaveAt = never;
    let dirtySince: number | null = null;
    let saves = 0;
    let due = Infinity;
    for (let t = 0; t <= 60_000; t += 100) {
      // A key every 300 ms: never a 3 s pause.
      if (t % 300 === 0) {
        dirtySince ??= t;
        due = nextSaveAt({ lastSaveAt, dirtySince, lastChangeAt: t }, timing);
      }
      if (t >= due) {
        saves += 1;
        lastSaveAt = t;
        dirtySince = null;
        due = Infinity;
      }
    }
    expect(saves).toBeGreaterThanOrEqual(5);
    expect(saves).toBeLessThanOrEqual(6);
  });
});
