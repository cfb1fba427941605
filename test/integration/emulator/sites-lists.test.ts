import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arr, createList, errorCode, errorMessage, startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('sites', () => {
  it('resolves a site by host:/path, raw id and %2C-encoded id to the same lowercase composite id', async () => {
    const byPath = await h.call('GET', '/sites/contoso.sharepoint.com:/sites/Plans');
    expect(byPath.status).toBe(200);
    expect(byPath.json['id']).toBe(h.siteId);
    expect(h.siteId).toMatch(/^contoso\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect(byPath.json['webUrl']).toBe('https://contoso.sharepoint.com/sites/Plans');
    expect(byPath.json).toMatchObject({ name: 'Plans', displayName: 'Plans' });
    expect((await h.call('GET', `/sites/${h.siteId}`)).json['id']).toBe(h.siteId);
    expect((await h.call('GET', `/sites/${encodeURIComponent(h.siteId)}`)).json['id']).toBe(h.siteId);
  });

  it('continues a host:/path address after a trailing colon', async () => {
    const r = await h.call('GET', '/sites/contoso.sharepoint.com:/sites/Plans:/lists');
    expect(r.status).toBe(200);
    expect(arr(r.json['value']).map((l) => l['displayName'])).toContain('Documents');
  });

  it('answers 404 itemNotFound for an unknown site with the Graph error envelope', async () => {
    const r = await h.call('GET', '/sites/contoso.sharepoint.com:/sites/Nope');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.json).toMatchObject({
      error: { code: 'itemNotFound', message: 'Requested site could not be found' },
    });
    const inner = (r.json['error'] as { innerError: Record<string, string> }).innerError;
    expect(inner['request-id']).toBe(r.headers.get('request-id'));
    expect(inner['date']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  });

  it('ensureSite is idempotent', () => {
    expect(h.emu.admin.ensureSite('/sites/plans').id).toBe(h.siteId);
    expect(h.emu.admin.ensureSite('/sites/Other').id).not.toBe(h.siteId);
  });
});

describe('lists', () => {
  it('creates a genericList: 201 with id, webUrl, template and a Title column', async () => {
    const r = await h.call('POST', `${h.site}/lists`, {
      displayName: 'ApprovalDocs',
      list: { template: 'genericList' },
    });
    expect(r.status).toBe(201);
    expect(r.json['id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.json).toMatchObject({
      displayName: 'ApprovalDocs',
      name: 'ApprovalDocs',
      webUrl: 'https://contoso.sharepoint.com/sites/Plans/Lists/ApprovalDocs',
      list: { template: 'genericList', hidden: false },
    });
    const cols = await h.call('GET', `${h.site}/lists/${String(r.json['id'])}/columns`);
    const title = arr(cols.json['value']).find((c) => c['name'] === 'Title');
    expect(title).toMatchObject({ readOnly: false, text: { maxLength: 255, allowMultipleLines: false } });
  });

  it("refuses 'name' with SharePoint's message", async () => {
    const r = await h.call('POST', `${h.site}/lists`, { name: 'x', displayName: 'X' });
    expect(r.status).toBe(400);
    expect(errorMessage(r)).toBe(
      "Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'",
    );
  });

  it('refuses a duplicate title (any case) with 409 nameAlreadyExists and leaves one list', async () => {
    await createList(h, 'Plans', []);
    const r = await h.call('POST', `${h.site}/lists`, { displayName: 'PLANS' });
    expect(r.status).toBe(409);
    expect(errorCode(r)).toBe('nameAlreadyExists');
    const all = await h.call('GET', `${h.site}/lists`);
    expect(
      arr(all.json['value']).filter((l) => String(l['displayName']).toLowerCase() === 'plans'),
    ).toHaveLength(1);
  });

  it('refuses an unsupported template in words', async () => {
    const r = await h.call('POST', `${h.site}/lists`, { displayName: 'Tasks', list: { template: 'tasks' } });
    expect(r.status).toBe(400);
    expect(errorMessage(r)).toContain('not supported by the emulator');
  });

  it('addresses a list by id or by title; a missing list is 404 itemNotFound', async () => {
    const id = await createList(h, 'Sections', []);
    expect((await h.call('GET', `${h.site}/lists/${id}`)).json['displayName']).toBe('Sections');
    expect((await h.call('GET', `${h.site}/lists/sections`)).json['id']).toBe(id);
    const missing = await h.call('GET', `${h.site}/lists/Nope`);
    expect(missing.status).toBe(404);
    expect(errorCode(missing)).toBe('itemNotFound');
  });

  it('keeps the hidden User Information List out of GET /lists but addressable by title', async () => {
    const all = await h.call('GET', `${h.site}/lists`);
    expect(arr(all.json['value']).map((l) => l['displayName'])).not.toContain('User Information List');
    const uil = await h.call('GET', `${h.site}/lists/User%20Information%20List`);
    expect(uil.status).toBe(200);
    expect(uil.json['list']).toMatchObject({ hidden: true });
  });

  it('honours columns given on create and returns them with $expand=columns', async () => {
    const id = await createList(h, 'Docs', [
      { name: 'DocKey', text: { maxLength: 64 }, indexed: true, enforceUniqueValues: true },
      { name: 'Status', choice: { choices: ['Draft', 'Pending'] }, indexed: true },
      { name: 'Revision', number: { decimalPlaces: 'none' } },
      { name: 'DueDate', dateTime: { format: 'dateOnly' } },
      { name: 'IsFinal', boolean: {} },
      { name: 'Body', text: { allowMultipleLines: true, textType: 'plain' } },
    ]);
    const r = await h.call('GET', `${h.site}/lists/${id}?$expand=columns`);
    const byName = new Map(arr(r.json['columns']).map((c) => [c['name'], c]));
    expect(byName.get('DocKey')).toMatchObject({
      indexed: true,
      enforceUniqueValues: true,
      text: { maxLength: 64 },
    });
    expect(byName.get('Status')).toMatchObject({ indexed: true, choice: { choices: ['Draft', 'Pending'] } });
    expect(byName.get('Revision')).toHaveProperty('number');
    expect(byName.get('DueDate')).toMatchObject({ dateTime: { format: 'dateOnly' } });
    expect(byName.get('IsFinal')).toHaveProperty('boolean');
    expect(byName.get('Body')).toMatchObject({ text: { allowMultipleLines: true } });
  });

  it('rolls back the whole list when one column on create is invalid', async () => {
    const r = await h.call('POST', `${h.site}/lists`, {
      displayName: 'Broken',
      columns: [
        { name: 'Ok', text: {} },
        { name: 'Bad', text: { maxLength: 999 } },
      ],
    });
    expect(r.status).toBe(400);
    expect((await h.call('GET', `${h.site}/lists/Broken`)).status).toBe(404);
  });
});

describe('columns', () => {
  it('adds a column (201) and indexes it with PATCH', async () => {
    const id = await createList(h, 'L', []);
    const add = await h.call('POST', `${h.site}/lists/${id}/columns`, {
      name: 'Status',
      choice: { choices: ['A', 'B'] },
    });
    expect(add.status).toBe(201);
    expect(add.json).toMatchObject({ name: 'Status', indexed: false });
    const patched = await h.call('PATCH', `${h.site}/lists/${id}/columns/${String(add.json['id'])}`, {
      indexed: true,
    });
    expect(patched.status).toBe(200);
    expect(patched.json['indexed']).toBe(true);
    const read = await h.call('GET', `${h.site}/lists/${id}/columns`);
    expect(arr(read.json['value']).find((c) => c['name'] === 'Status')?.['indexed']).toBe(true);
  });

  it('derives the internal name from displayName (space → _x0020_)', async () => {
    const id = await createList(h, 'L', []);
    const add = await h.call('POST', `${h.site}/lists/${id}/columns`, {
      displayName: 'Due Date',
      dateTime: {},
    });
    expect(add.json).toMatchObject({ name: 'Due_x0020_Date', displayName: 'Due Date' });
  });

  it('requires indexed for enforceUniqueValues, on create and on PATCH', async () => {
    const id = await createList(h, 'L', []);
    const r = await h.call('POST', `${h.site}/lists/${id}/columns`, {
      name: 'Key',
      text: {},
      enforceUniqueValues: true,
    });
    expect(r.status).toBe(400);
    expect(errorMessage(r)).toContain('indexed');
    const add = await h.call('POST', `${h.site}/lists/${id}/columns`, { name: 'Key2', text: {} });
    const p = await h.call('PATCH', `${h.site}/lists/${id}/columns/Key2`, { enforceUniqueValues: true });
    expect(p.status).toBe(400);
    const ok = await h.call('PATCH', `${h.site}/lists/${id}/columns/${String(add.json['id'])}`, {
      indexed: true,
      enforceUniqueValues: true,
    });
    expect(ok.status).toBe(200);
  });

  it('refuses to index multi-line text', async () => {
    const id = await createList(h, 'L', []);
    const r = await h.call('POST', `${h.site}/lists/${id}/columns`, {
      name: 'Body',
      text: { allowMultipleLines: true },
      indexed: true,
    });
    expect(r.status).toBe(400);
    expect(errorMessage(r)).toContain('multi-line');
  });

  it('allows at most 20 indexed columns per list', async () => {
    const id = await createList(h, 'L', []);
    for (let i = 0; i < 20; i++) {
      const r = await h.call('POST', `${h.site}/lists/${id}/columns`, {
        name: `C${i}`,
        number: {},
        indexed: true,
      });
      expect(r.status).toBe(201);
    }
    const over = await h.call('POST', `${h.site}/lists/${id}/columns`, {
      name: 'C20',
      number: {},
      indexed: true,
    });
    expect(over.status).toBe(400);
    expect(errorMessage(over)).toContain('20');
  });

  it('refuses a duplicate column name and an unsupported facet', async () => {
    const id = await createList(h, 'L', [{ name: 'Owner', personOrGroup: {} }]);
    expect((await h.call('POST', `${h.site}/lists/${id}/columns`, { name: 'title', text: {} })).status).toBe(
      409,
    );
    expect(
      (await h.call('POST', `${h.site}/lists/${id}/columns`, { name: 'OwnerLookupId', text: {} })).status,
    ).toBe(409);
    const lookup = await h.call('POST', `${h.site}/lists/${id}/columns`, {
      name: 'T',
      lookup: { listId: 'x', columnName: 'Title' },
    });
    expect(lookup.status).toBe(400);
    expect(errorMessage(lookup)).toContain('not supported by the emulator');
  });

  it('refuses enforceUniqueValues when the list already holds duplicates', async () => {
    const id = await createList(h, 'L', [{ name: 'Key', text: {}, indexed: true }]);
    await h.call('POST', `${h.site}/lists/${id}/items`, { fields: { Key: 'a' } });
    await h.call('POST', `${h.site}/lists/${id}/items`, { fields: { Key: 'A' } });
    const r = await h.call('PATCH', `${h.site}/lists/${id}/columns/Key`, { enforceUniqueValues: true });
    expect(r.status).toBe(400);
    expect(errorMessage(r)).toContain('duplicate');
  });

  it('keeps a column internal name immutable', async () => {
    const id = await createList(h, 'L', [{ name: 'Key', text: {} }]);
    const r = await h.call('PATCH', `${h.site}/lists/${id}/columns/Key`, { name: 'Other' });
    expect(r.status).toBe(400);
    const ok = await h.call('PATCH', `${h.site}/lists/${id}/columns/Key`, { displayName: 'Document key' });
    expect(ok.json).toMatchObject({ name: 'Key', displayName: 'Document key' });
  });
});
