/**
 * The plan settings API over HTTP in local mode, against the emulator: the lead reads and changes them,
 * anyone else is refused on the server; header values are checked all at once; archived plans leave the
 * list and come back; a deleted plan is gone for everyone, and both are in the audit log. Local mode's
 * document links are this server's, streaming the emulator library's bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../../src/local/demo/people.js';
import type { ApiErrorBody, PlanCreatedDto, PlanListItemDto, PlanViewDto } from '../../../src/shared/api.js';
import type { PlanSettingsDto } from '../../../src/shared/settings-api.js';
import { localDocumentLink } from '../../../src/server/local-documents.js';
import { startTabServer, type TabServer } from '../../support/tab-server.js';

let tab: TabServer;
beforeAll(async () => {
  tab = await startTabServer();
});
afterAll(() => tab?.close());

const lead = () => tab.as(demoPeople.planLead.id);
const stranger = () => tab.as(demoPeople.digitalLead.id);
const errorOf = (body: unknown) => (body as ApiErrorBody).error;

async function newPlan(title: string): Promise<string> {
  const created = await lead()<PlanCreatedDto>('POST', '/api/plans', {
    templateId: 'dluhc-productivity-plan-2024',
    reportFormatId: 'demo-borough-cabinet',
    title,
  });
  expect(created.status).toBe(201);
  return created.body.planId;
}

describe('plan settings over HTTP', () => {
  it('shows the lead every role, header field and stage rule, and refuses anyone else', async () => {
    const planId = await newPlan('Settings plan');
    const read = await lead()<PlanSettingsDto>('GET', `/api/plans/${planId}/settings`);
    expect(read.status).toBe(200);
    expect(read.body.roles.map((r) => r.key)).toContain('management-team');
    expect(read.body.headerFields.map((f) => [f.key, f.type])).toContainEqual(['wards-affected', 'wards']);
    expect(read.body.missingHeader).toContain('Meeting date');
    expect(read.body.stages.map((s) => s.key)).toEqual([
      'implications-sign-off',
      'management-team-endorsement',
      'portfolio-holder-sign-off',
    ]);
    expect(read.body.stages[1]!.ruleText).toBe(
      '3 of those named must approve, including the Accountable Executive Team Director',
    );
    expect(read.body.canDelete).toBe(true);

    const refused = await stranger()('GET', `/api/plans/${planId}/settings`);
    expect(refused.status).toBe(403);
    for (const [method, route, body] of [
      ['PUT', `/api/plans/${planId}/title`, { title: 'Mine' }],
      ['PUT', `/api/plans/${planId}/header`, { values: { 'wards-affected': 'All' } }],
      ['POST', `/api/plans/${planId}/archive`, { archived: true }],
      ['DELETE', `/api/plans/${planId}`, undefined],
    ] as const) {
      expect((await stranger()(method, route, body)).status, `${method} ${route}`).toBe(403);
    }
  });

  it('saves the title and every header value, refusing bad ones field by field and keeping none of them', async () => {
    const planId = await newPlan('Header plan');
    const bad = await lead()('PUT', `/api/plans/${planId}/header`, {
      values: { 'meeting-date': '31 July', 'open-or-exempt': 'Secret', 'wards-affected': 'All wards' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(errorOf(bad.body).details?.['fields'] as object).sort()).toEqual([
      'meeting-date',
      'open-or-exempt',
    ]);
    expect(
      (await lead()<PlanSettingsDto>('GET', `/api/plans/${planId}/settings`)).body.headerFields.find(
        (f) => f.key === 'wards-affected',
      )!.value,
    ).toBeNull();

    const values = {
      'meeting-date': '2031-07-15',
      title: 'Productivity Plan for Cabinet',
      'open-or-exempt': 'Open Report',
      purpose: 'For Decision',
      'wards-affected': 'All wards',
      'key-decision': true,
      'contact-details': 'Priya Shah, 020 7946 0001',
      'report-of': demoPeople.portfolioHolder.id,
    };
    const saved = await lead()<PlanSettingsDto>('PUT', `/api/plans/${planId}/header`, { values });
    expect(saved.status).toBe(200);
    // The person fields left empty are filled by their roles' holders, once those are named.
    expect(saved.body.missingHeader).toEqual(['Report Author', 'Accountable Executive Team Director']);
    await lead()('PUT', `/api/plans/${planId}/roles/report-author`, { personIds: [demoPeople.planLead.id] });
    await lead()('PUT', `/api/plans/${planId}/roles/accountable-director`, {
      personIds: [demoPeople.director.id],
    });
    const view = await lead()<PlanViewDto>('GET', `/api/plans/${planId}`);
    expect(view.body.missingHeader).toEqual([]);
    const renamed = await lead()<PlanSettingsDto>('PUT', `/api/plans/${planId}/title`, {
      title: ' Renamed ',
    });
    expect(renamed.body.title).toBe('Renamed');
    const rule = await lead()<PlanSettingsDto>(
      'PUT',
      `/api/plans/${planId}/stages/management-team-endorsement/rule`,
      { rule: { kind: 'all' }, mandatoryRoles: [] },
    );
    expect(rule.status).toBe(200);
    expect(rule.body.stages[1]!.ruleText).toBe('The one person named must approve');
    const audit = (await tab.app.store.auditLog(planId)).map((e) => e.command);
    expect(audit).toEqual(expect.arrayContaining(['setHeaderFields', 'setTitle', 'setStageRule']));
  });

  it('changes the report format for the lead only, naming typed values the new format has no place for', async () => {
    const planId = await newPlan('Format plan');
    const read = (await lead()<PlanSettingsDto>('GET', `/api/plans/${planId}/settings`)).body;
    expect(read.formatFixed).toBeNull();
    expect(read.reportFormats.map((f) => f.id)).toEqual(expect.arrayContaining(['durham-cabinet']));
    const to = (reportFormatId: string) =>
      ['PUT', `/api/plans/${planId}/report-format`, { reportFormatId }] as const;
    expect((await stranger()(...to('durham-cabinet'))).status).toBe(403);
    const unknown = await lead()(...to('no-such-format'));
    expect([unknown.status, errorOf(unknown.body).code]).toEqual([400, 'VALIDATION']);

    // Durham has electoral divisions, not wards: the typed wards value would have nowhere to go.
    await lead()('PUT', `/api/plans/${planId}/header`, { values: { 'wards-affected': 'Abbey; Eastbrook' } });
    const refused = await lead()(...to('durham-cabinet'));
    expect(refused.status).toBe(409);
    expect(errorOf(refused.body)).toMatchObject({
      code: 'UNPLACED_TEXT',
      details: { sections: [], headerFields: [{ key: 'wards-affected', label: 'Wards Affected' }] },
    });
    expect((await lead()<PlanSettingsDto>('GET', `/api/plans/${planId}/settings`)).body.reportFormat.id).toBe(
      'demo-borough-cabinet',
    );

    await lead()('PUT', `/api/plans/${planId}/header`, { values: { 'wards-affected': null } });
    const changed = await lead()<PlanSettingsDto>(...to('durham-cabinet'));
    expect(changed.status).toBe(200);
    expect(changed.body.reportFormat.id).toBe('durham-cabinet');
    expect(changed.body.headerFields.map((f) => f.key)).toContain('electoral-divisions');
    const plan = (await lead()<PlanViewDto>('GET', `/api/plans/${planId}`)).body;
    expect(plan.sections.map((s) => s.key)).toContain('report.executive-summary');
    expect(plan.sections.map((s) => s.key)).not.toContain('report.proposal-and-issues');
  });

  it('archives a plan out of the list and restores it; deletes one for everyone, audited', async () => {
    const archivedId = await newPlan('To archive');
    const listed = async (query = '') =>
      (await lead()<{ plans: PlanListItemDto[] }>('GET', `/api/plans${query}`)).body.plans.map((p) => p.id);
    expect(await listed()).toContain(archivedId);
    const archived = await lead()<PlanSettingsDto>('POST', `/api/plans/${archivedId}/archive`, {
      archived: true,
    });
    expect(archived.body.archived?.by).toBe(demoPeople.planLead.id);
    expect(await listed()).not.toContain(archivedId);
    expect(await listed('?archived=include')).toContain(archivedId);
    const frozen = await lead()('PUT', `/api/plans/${archivedId}/title`, { title: 'Changed' });
    expect(errorOf(frozen.body).code).toBe('INVALID_STATE');
    await lead()('POST', `/api/plans/${archivedId}/archive`, { archived: false });
    expect(await listed()).toContain(archivedId);

    const deletedId = await newPlan('To delete');
    const deleted = await lead()('DELETE', `/api/plans/${deletedId}`);
    expect(deleted.status).toBe(204);
    expect((await lead()('GET', `/api/plans/${deletedId}`)).status).toBe(404);
    expect(await listed('?archived=include')).not.toContain(deletedId);
    expect((await tab.app.store.auditLog(deletedId)).map((e) => e.command)).toContain('deletePlan');
  });
});

describe("local mode's documents", () => {
  it("turns the site's library and page links into this server's, and leaves other links alone", () => {
    const site = 'https://demo-borough.sharepoint.com/sites/Plans';
    expect(localDocumentLink(site, `${site}/Shared%20Documents/Plans/p1/v1/published/Plan.docx`)).toBe(
      '/local/documents/Plans/p1/v1/published/Plan.docx',
    );
    expect(localDocumentLink(site, `${site}/SitePages/plan-p1-v1.aspx`)).toBe('/local/pages/plan-p1-v1.aspx');
    expect(localDocumentLink(site, 'https://www.gov.uk/x')).toBe('https://www.gov.uk/x');
  });

  it("streams a file from the emulator's library with its bytes, and nothing outside it", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 255, 10, 13]);
    await tab.app.publishing.documents.put(
      'Plans/local-test/v1/published/Test file.docx',
      bytes,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const answer = await fetch(`${tab.url}/local/documents/Plans/local-test/v1/published/Test%20file.docx`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('wordprocessingml');
    expect(new Uint8Array(await answer.arrayBuffer())).toEqual(bytes);
    expect((await fetch(`${tab.url}/local/documents/Plans/nothing-here.docx`)).status).toBe(404);
    expect((await fetch(`${tab.url}/local/documents/Plans/%2E%2E/secret`)).status).toBe(404);
    expect((await fetch(`${tab.url}/local/pages/no-such-page.aspx`)).status).toBe(404);
  });
});
