/**
 * Load, sized for CI: 50 officers saving sections and 12 approvers clicking at once, for a few seconds.
 * The fuller run, with figures, is in `npm run bench`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { runLoad } from '../../support/load-run.js';

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
});
afterAll(async () => {
  await bot.close();
});

describe('under load', () => {
  it('answers every save and click; the only refusals are typed conflicts; every reported save is stored once', async () => {
    const report = await runLoad(bot, { seconds: 4, officers: 50, approvers: 12 });
    const unexpected = Object.keys(report.refusals).filter((k) => !/^409 (STALE_VERSION|CONFLICT)$/.test(k));
    expect(unexpected).toEqual([]);
    expect(report.saves.count).toBeGreaterThanOrEqual(50);
    expect(report.savesStored).toBe(report.savesReported);
    expect(report.responsesStored).toBe(12);
  }, 120_000);
});
