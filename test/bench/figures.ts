/**
 * The figures every issue reported, measured again here so they can be compared over time: load (officers
 * saving and approvers clicking at once) and the tab's bundle and first render; document assembly is in
 * document-assembly.ts.
 */
import { DEMO_PLAN_ID } from '../../src/local/demo/seed.js';
import { demoPeople } from '../../src/local/demo/people.js';
import { startBotHarness } from '../support/bot-harness.js';
import { runLoad, SMALL_TENANT_RU_PER_MINUTE, type LoadReport } from '../support/load-run.js';
import { launchChromium } from '../support/tab-browser.js';
import { builtTab, bundleFigures } from '../support/tab-build.js';
import { startTabServer } from '../support/tab-server.js';

export async function loadFigures(seconds: number): Promise<LoadReport> {
  const bot = await startBotHarness();
  try {
    return await runLoad(bot, { seconds, officers: 50, approvers: 12 });
  } finally {
    await bot.close();
  }
}

export interface TabFigures {
  readonly initialJsGzipKiB: number;
  readonly allJsGzipKiB: number;
  readonly firstRenderMs: readonly number[];
}

/** The dashboard's own mark `pb:dashboard-rendered`, in fresh browser contexts, five times. */
export async function tabFigures(): Promise<TabFigures> {
  const tabDir = await builtTab();
  const bundle = bundleFigures(tabDir);
  const tab = await startTabServer({ tabDir });
  const browser = await launchChromium();
  try {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      await context.addInitScript({
        content: `localStorage.setItem('pb.actingAs', ${JSON.stringify(demoPeople.planLead.id)});`,
      });
      const page = await context.newPage();
      await page.goto(`${tab.url}/#/plans/${DEMO_PLAN_ID}`);
      await page.getByTestId('page-estimate').waitFor();
      runs.push(
        (await page.evaluate(`performance.getEntriesByName('pb:dashboard-rendered')[0].startTime`)) as number,
      );
      await context.close();
    }
    return {
      initialJsGzipKiB: Math.round((bundle.initialJsGzipBytes / 1024) * 10) / 10,
      allJsGzipKiB: Math.round((bundle.totalJsGzipBytes / 1024) * 10) / 10,
      firstRenderMs: runs.sort((a, b) => a - b),
    };
  } finally {
    await browser.close();
    await tab.close();
  }
}

export { SMALL_TENANT_RU_PER_MINUTE };
