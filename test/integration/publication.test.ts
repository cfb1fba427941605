/**
 * From approval to publication against the local SharePoint emulator: the frozen copy each round is asked
 * about, then the decided plan as Word, accessible HTML and a SharePoint page, with retention metadata.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderOf, publishPlan } from '../../src/app/publication/publish-plan.js';
import { runCommand } from '../../src/app/plans/run-command.js';
import { contentHash } from '../../src/domain/documents/content-hash.js';
import type { Plan } from '../../src/domain/plan/plan.js';
import { acceptedEverywhere, newTestPlan } from '../support/fixtures/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';

let bot: BotHarness;
let plan: Plan;

async function reload(): Promise<Plan> {
  const loaded = await bot.app.store.load(plan.id);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.plan;
}

async function libraryItem(
  path: string,
): Promise<{ fields: Record<string, unknown>; webUrl: string } | null> {
  const found = await bot.app.publishing.documents.find(path);
  if (!found) return null;
  const drive = (await bot.app.graph
    .api(
      `/sites/${(await bot.app.graph.api('/sites/demo-borough.sharepoint.com:/sites/Plans').get()).id}/drive`,
    )
    .get()) as { id: string };
  const fields = (await bot.app.graph
    .api(`/drives/${drive.id}/items/${found.id}/listItem/fields`)
    .get()) as Record<string, unknown>;
  return { fields, webUrl: found.webUrl };
}

beforeAll(async () => {
  bot = await startBotHarness();
  const { plan: fresh, audit } = newTestPlan({ formatId: 'durham-cabinet' });
  const created = await bot.app.store.create(fresh, audit);
  if (!created.ok) throw new Error(created.error.message);
  const saved = await bot.app.store.save(
    created.value,
    acceptedEverywhere(created.value.plan),
    [],
    fresh.leadId,
  );
  if (!saved.ok) throw new Error(saved.error.message);
  plan = saved.value.plan;
});
afterAll(async () => {
  await bot.close();
});

describe('publication', () => {
  it('freezes the version a round is asked about, as Word and HTML with its metadata', async () => {
    const started = await runCommand(
      bot.app.commands,
      plan.id,
      { type: 'startApprovals', delivery: { kind: 'one-to-one' } },
      { id: plan.leadId },
    );
    expect(started.ok).toBe(true);
    plan = await reload();
    const folder = folderOf(plan.id, plan.contentVersion, 'frozen');
    const html = await libraryItem(`${folder}/durham-county-council-productivity-plan-2024.html`);
    const docx = await libraryItem(`${folder}/durham-county-council-productivity-plan-2024.docx`);
    expect(html?.fields).toMatchObject({
      PlanId: plan.id,
      PlanVersion: plan.contentVersion,
      ContentHash: contentHash(plan),
      DocumentStatus: 'frozen',
    });
    expect(docx).not.toBeNull();
  });

  it('refuses to publish before the decision, and uploads nothing', async () => {
    const result = await publishPlan(bot.app.publishing, plan.id, { id: plan.leadId });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(
      await libraryItem(
        `${folderOf(plan.id, plan.contentVersion, 'published')}/durham-county-council-productivity-plan-2024.html`,
      ),
    ).toBeNull();
  });

  it('publishes the decided version to the library and a page, records the links, and does it once', async () => {
    // Every stage approved by its approvers, then the decision recorded.
    for (let guard = 0; guard < 10; guard++) {
      const current = await reload();
      const stage = current.stages.find((s) => s.state === 'open');
      if (!stage) break;
      const versionHash = contentHash(current);
      if (stage.kind === 'decision') {
        const decided = await runCommand(
          bot.app.commands,
          plan.id,
          {
            type: 'recordDecision',
            stageKey: stage.key,
            meetingBody: 'Cabinet',
            meetingDate: '2024-07-10',
            minuteReference: 'Min. 7',
            callInEndsOn: '2024-07-17',
            outcome: 'approved',
            versionHash,
          },
          { id: current.leadId },
        );
        expect(decided.ok).toBe(true);
        continue;
      }
      for (const approver of stage.approverIds) {
        await runCommand(
          bot.app.commands,
          plan.id,
          { type: 'respond', stageKey: stage.key, decision: 'approve', comment: null, versionHash },
          { id: approver },
        );
      }
    }
    plan = await reload();
    expect(plan.status).toBe('decided');
    const published = await publishPlan(bot.app.publishing, plan.id, { id: plan.leadId });
    if (!published.ok) throw new Error(published.error.message);
    plan = await reload();
    expect(plan.status).toBe('published');
    expect(plan.publication?.links.map((l) => l.label)).toEqual([
      'Web page',
      'Accessible HTML',
      'Word document',
    ]);
    const folder = folderOf(plan.id, plan.contentVersion, 'published');
    const html = await libraryItem(`${folder}/durham-county-council-productivity-plan-2024.html`);
    expect(html?.fields).toMatchObject({
      DocumentStatus: 'published',
      PlanVersion: plan.contentVersion,
      ContentHash: contentHash(plan),
    });
    const publishedOn = plan.publication!.publishedAt.slice(0, 10);
    expect(String(html?.fields['RetainUntil']).slice(0, 10)).toBe(
      `${Number(publishedOn.slice(0, 4)) + 6}${publishedOn.slice(4)}`,
    );
    const pages = (await bot.app.graph
      .api(
        `/sites/${(await bot.app.graph.api('/sites/demo-borough.sharepoint.com:/sites/Plans').get()).id}/pages`,
      )
      .select('name,publishingState,webUrl')
      .get()) as {
      value: { name: string; publishingState?: { level: string }; webUrl: string }[];
    };
    const page = pages.value.find((p) => p.name === `plan-${plan.id}-v${plan.contentVersion}.aspx`);
    expect(page?.publishingState?.level).toBe('published');
    expect(plan.publication?.links[0]?.url).toBe(page?.webUrl);

    const again = await publishPlan(bot.app.publishing, plan.id, { id: plan.leadId });
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });
});
