/**
 * A plan from nothing to publication through the tab alone, in Chromium: the lead creates it, fills its
 * settings (dates, every role, every header field), assigns and accepts every section its owners wrote,
 * starts the approvals; each approver approves as themselves (the local "acting as" picker); the lead
 * records the decision and publishes; the Word, HTML and page links open from the local server with the
 * library's bytes, and the Word file's report header has every required row filled. The API is only read
 * (to know which sections and approvers there are) and never used to act. axe on the settings view in
 * each theme.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../src/documents/zip.js';
import { demoPeople, managementTeamGroup } from '../../src/local/demo/people.js';
import type { PlanViewDto, SectionDto } from '../../src/shared/api.js';
import { builtTab } from '../support/tab-build.js';
import {
  launchChromium,
  openAs,
  screenshot,
  seriousViolations,
  type TabPage,
} from '../support/tab-browser.js';
import { typeAtEnd } from '../support/tab-editor.js';
import { startTabServer, type TabServer } from '../support/tab-server.js';

let tab: TabServer;
let browser: Browser;
const pages = new Map<string, TabPage>();
const LEAD = demoPeople.planLead.id;

beforeAll(async () => {
  const tabDir = await builtTab();
  [tab, browser] = await Promise.all([startTabServer({ tabDir }), launchChromium()]);
}, 180_000);

afterAll(async () => {
  for (const page of pages.values()) await page.close().catch(() => undefined);
  await browser?.close();
  await tab?.close();
});

/** One browser context per person (the acting-as choice is that context's), a fresh page for each step. */
async function pageOf(personId: string, hash: string): Promise<Page> {
  let opened = pages.get(personId);
  if (!opened) {
    opened = await openAs(browser, tab.url, personId, hash);
    pages.set(personId, opened);
    return opened.page;
  }
  const previous = opened.page;
  const page = await opened.context.newPage();
  page.on('pageerror', (error) => opened.errors.push(error.message));
  await page.goto(`${tab.url}/${hash}`);
  await previous.close({ runBeforeUnload: false });
  pages.set(personId, { ...opened, page });
  return page;
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Reading only: what the plan now holds, to know what to do next in the browser. */
async function read(planId: string): Promise<PlanViewDto> {
  return (await tab.as(LEAD)<PlanViewDto>('GET', `/api/plans/${planId}`)).body;
}

async function pickPerson(page: Page, label: string | RegExp, search: string, name: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).fill(search);
  await page.getByRole('listbox').getByRole('option', { name }).click();
}

/** The rows of the Word file's "Report details" table, label → details. */
function headerRows(documentXml: string): Map<string, string> {
  const cellText = (xml: string) =>
    [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join('');
  const rows = new Map<string, string>();
  for (const row of documentXml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)) {
    const cells = [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => cellText(c[0]));
    if (cells.length === 2 && !rows.has(cells[0]!)) rows.set(cells[0]!, cells[1]!);
  }
  return rows;
}

const plan = (planId: string, rest = '') => `#/plans/${encodeURIComponent(planId)}${rest}`;

describe('a plan from nothing to publication, in the tab only', () => {
  it('creates, sets up, writes, approves, decides, publishes and opens the documents', async () => {
    let lead = await pageOf(LEAD, '#/');
    await lead.getByRole('button', { name: 'New plan from template' }).click();
    await lead.getByLabel('Title').fill('Productivity Plan 2031');
    await lead.getByLabel("Report format (your council's cover report)").selectOption('demo-borough-cabinet');
    await lead.getByRole('button', { name: 'Create plan' }).click();
    await lead.getByRole('heading', { level: 1, name: 'Productivity Plan 2031' }).waitFor();
    const planId = decodeURIComponent(/#\/plans\/([^/]+)/.exec(lead.url())![1]!);

    // The settings, from the dashboard.
    await lead.getByRole('link', { name: 'Plan settings' }).click();
    await lead.getByRole('heading', { level: 1, name: 'Plan settings' }).waitFor();
    await expect
      .poll(() => lead.getByTestId('settings-missing-header').innerText())
      .toContain('Meeting date');
    await expectAccessible(lead, 'settings-01-light');

    // Dates: the timeline they give, with its warnings, is shown before they are saved.
    const dates = lead.getByTestId('settings-dates');
    await dates.getByLabel('Submission deadline').fill('2031-07-31');
    await dates.getByLabel('Decision meeting', { exact: true }).fill('Cabinet');
    await dates.getByLabel('Decision meeting date').fill('2031-07-15');
    await dates
      .getByTestId('timeline-preview')
      .getByRole('status')
      .filter({ hasText: /These dates|warning/ })
      .waitFor();
    await dates.getByTestId('settings-dates-save').click();
    await expect.poll(async () => (await read(planId)).dates.decisionMeeting?.date).toBe('2031-07-15');

    // Every role, picked from the directory; each is saved as it is chosen.
    const roles: [string, string, RegExp][] = [
      ['accountable-director', 'Samir', /Samir Haddad/],
      ['chief-finance-officer', 'Tom O', /Tom Okafor/],
      ['monitoring-officer', 'Helen', /Helen Marsh/],
      [
        'portfolio-holder',
        demoPeople.portfolioHolder.displayName.slice(0, 5),
        new RegExp(demoPeople.portfolioHolder.displayName),
      ],
      ['report-author', 'Priya', /Priya Shah/],
    ];
    for (const [role, search, name] of roles) {
      const row = lead.getByTestId(`role-${role}`);
      await row.getByRole('combobox').fill(search);
      await lead.getByRole('listbox').getByRole('option', { name }).click();
      await row.getByText(name).first().waitFor();
    }
    const team = lead.getByTestId('role-management-team');
    for (const memberId of managementTeamGroup.memberIds.slice(0, 3)) {
      const person = Object.values(demoPeople).find((p) => p.id === memberId)!;
      await team.getByRole('combobox').fill(person.displayName.split(' ')[0]!);
      await lead
        .getByRole('listbox')
        .getByRole('option', { name: new RegExp(person.displayName) })
        .click();
      await team.getByText(person.displayName).first().waitFor();
    }

    // Every header field, each typed by its kind.
    const header = lead.getByTestId('settings-header');
    await header.getByLabel('Meeting date').fill('2031-07-15');
    await header.getByLabel(/^Title/).fill('Productivity Plan 2031 for Cabinet');
    await header.getByLabel('Open or exempt report').selectOption('Open Report');
    await header.getByLabel('For decision or information').selectOption('For Decision');
    await header.getByLabel('Wards Affected').fill('All wards');
    await header.getByLabel('Key Decision').selectOption('yes');
    await header
      .getByLabel('Contact Details')
      .fill('Priya Shah, 020 7946 0001, priya.shah@demo-borough.example');
    await header
      .getByRole('combobox', { name: 'Report of' })
      .fill(demoPeople.portfolioHolder.displayName.slice(0, 5));
    await lead
      .getByRole('listbox')
      .getByRole('option', { name: new RegExp(demoPeople.portfolioHolder.displayName) })
      .click();
    await header.getByTestId('settings-header-save').click();
    await lead.getByTestId('settings-missing-header').waitFor({ state: 'detached' });
    await expectAccessible(lead, 'settings-02-filled');
    await lead.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(lead, 'settings-03-dark');
    await lead.emulateMedia({ colorScheme: 'dark', forcedColors: 'active' });
    await expectAccessible(lead, 'settings-04-high-contrast');
    await lead.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });

    // Every section that must be accepted: assigned (to the lead, unless its role already owns it),
    // written and submitted by its owner, accepted by the lead.
    for (const section of (await read(planId)).sections) {
      if (!section.required) continue;
      let owner = section.ownerId;
      if (owner === null) {
        lead = await pageOf(LEAD, plan(planId));
        await lead.getByRole('button', { name: `Assign ${section.title}` }).click();
        await pickPerson(lead, 'Choose the owner', 'Priya', /Priya Shah/);
        await lead.getByRole('button', { name: 'Assign', exact: true }).click();
        await lead.getByRole('dialog').waitFor({ state: 'detached' });
        owner = LEAD;
      }
      const writer = await pageOf(owner, plan(planId, `/sections/${encodeURIComponent(section.key)}`));
      await writer.getByRole('heading', { level: 1, name: section.title }).waitFor();
      await writer.getByTestId('section-editor').waitFor();
      const typed = `${section.title}: what the council will do.`;
      await typeAtEnd(writer, ` ${typed}`);
      // Submitting straight after typing, as a person does: the pending text is saved first.
      await writer.getByRole('button', { name: 'Submit for review' }).click();
      await writer.getByTestId('section-status').filter({ hasText: 'Submitted' }).waitFor();
      const saved = await tab.as(owner)<SectionDto>('GET', `/api/plans/${planId}/sections/${section.key}`);
      expect(JSON.stringify(saved.body.content)).toContain(typed);
      lead = await pageOf(LEAD, plan(planId, `/sections/${encodeURIComponent(section.key)}`));
      await lead.getByRole('heading', { level: 1, name: section.title }).waitFor();
      await lead.getByRole('button', { name: 'Accept section' }).click();
      await expect
        .poll(async () => (await read(planId)).sections.find((s) => s.key === section.key)!.status)
        .toBe('accepted');
    }

    // Approvals: the lead starts each stage; every approver approves as themselves until it closes.
    for (let guard = 0; guard < 10; guard++) {
      let view = await read(planId);
      let open = view.stages.find((s) => s.state === 'open');
      if (!open) {
        lead = await pageOf(LEAD, plan(planId, '/approvals'));
        await lead.getByRole('button', { name: 'Start the next approval stage' }).click();
        // With the management team's stage ahead and no chat chosen, the tab asks how the team gets it.
        const choice = lead.getByRole('dialog', { name: 'How should the management team get this?' });
        await expect
          .poll(
            async () =>
              (await choice.count()) > 0 || (await read(planId)).stages.some((s) => s.state === 'open'),
          )
          .toBe(true);
        if ((await choice.count()) > 0) {
          await choice.getByRole('radio', { name: 'Send each member their own card 1:1' }).check();
          await choice.getByRole('button', { name: 'Start approvals' }).click();
          await choice.waitFor({ state: 'detached' });
        }
        await expect.poll(async () => (await read(planId)).stages.some((s) => s.state === 'open')).toBe(true);
        view = await read(planId);
        open = view.stages.find((s) => s.state === 'open')!;
      }
      if (open.kind === 'decision') break;
      for (const approverId of open.approverIds) {
        const current = (await read(planId)).stages.find((s) => s.key === open.key)!;
        if (current.state !== 'open') break;
        const approver = await pageOf(approverId, plan(planId, '/approvals'));
        const button = approver
          .getByRole('region', { name: open.title })
          .getByRole('button', { name: /^Approve version/ });
        await button.click();
        await button.waitFor({ state: 'detached' });
      }
    }

    // The decision, then publication.
    lead = await pageOf(LEAD, plan(planId));
    const decision = lead.getByRole('form', { name: 'Record the decision' });
    // A meeting whose call-in period has ended, so the plan may be published in the ordinary way.
    const met = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    await decision.getByLabel('Meeting date').fill(met);
    await decision.getByLabel('Minute reference').fill('CAB 31/07');
    await decision.getByRole('button', { name: 'Record the decision' }).click();
    await lead.getByTestId('decision-recorded').waitFor();
    await lead.getByRole('button', { name: 'Publish the plan' }).click();
    const links = lead.getByTestId('publication-links');
    await links.waitFor({ timeout: 60_000 });

    // The links open from this server, with the library's bytes.
    const href = async (name: string) => (await links.getByRole('link', { name }).getAttribute('href'))!;
    const word = await href('Word document');
    const html = await href('Accessible HTML');
    const page = await href('Web page');
    for (const link of [word, html, page]) expect(link.startsWith('/local/')).toBe(true);
    const fetched = async (link: string) => {
      const answer = await lead.request.get(`${tab.url}${link}`);
      return {
        status: answer.status(),
        bytes: new Uint8Array(await answer.body()),
        type: answer.headers()['content-type'],
      };
    };
    const published = (await read(planId)).publication!;
    const stored = async (label: string) => {
      const url = published.links.find((l) => l.label === label)!.url;
      const path = decodeURIComponent(
        url.slice(url.indexOf('/local/documents/') + '/local/documents/'.length),
      );
      const found = await tab.app.publishing.documents.find(path);
      return (await tab.app.publishing.documents.get(found!.id))!.bytes;
    };
    const docx = await fetched(word);
    expect(docx.status).toBe(200);
    expect(docx.type).toContain('wordprocessingml');
    expect(Buffer.from(docx.bytes).equals(Buffer.from(await stored('Word document')))).toBe(true);
    const htmlFile = await fetched(html);
    expect(htmlFile.status).toBe(200);
    expect(Buffer.from(htmlFile.bytes).equals(Buffer.from(await stored('Accessible HTML')))).toBe(true);
    const pageFile = await fetched(page);
    expect(pageFile.status).toBe(200);
    expect(new TextDecoder().decode(pageFile.bytes)).toContain('Productivity Plan 2031');

    // Every required row of the Word file's report header is filled.
    const documentXml = new TextDecoder().decode(
      readZip(docx.bytes).find((e) => e.name === 'word/document.xml')!.data,
    );
    const rows = headerRows(documentXml);
    const format = tab.app.catalog.reportFormats.find((f) => f.id === 'demo-borough-cabinet')!;
    for (const field of format.headerFields.filter((f) => f.required)) {
      expect(rows.get(field.label)?.trim(), field.label).toBeTruthy();
    }
    expect(rows.get('Wards Affected')).toBe('All wards');
    expect(rows.get('Report of')).toBe(demoPeople.portfolioHolder.displayName);
    await screenshot(lead, 'journey-published-dashboard');
    for (const opened of pages.values()) expect(opened.errors).toEqual([]);
  }, 900_000);
});
