import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createList, errorCode, errorMessage, obj, startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
let items: string;
let listId: string;

const COLUMNS = [
  { name: 'DocKey', text: { maxLength: 64 }, indexed: true, enforceUniqueValues: true },
  { name: 'Body', text: { allowMultipleLines: true } },
  { name: 'Status', choice: { choices: ['Draft', 'Pending', 'Approved'] }, indexed: true },
  { name: 'Revision', number: {} },
  { name: 'DueDate', dateTime: {} },
  { name: 'IsFinal', boolean: {} },
  { name: 'Owner', personOrGroup: { chooseFromType: 'peopleOnly' } },
];

beforeEach(async () => {
  h = await startHarness();
  listId = await createList(h, 'ApprovalDocs', COLUMNS);
  items = `${h.site}/lists/${listId}/items`;
});
afterEach(async () => {
  await h.close();
});

const create = (fields: Record<string, unknown>) => h.call('POST', items, { fields });

describe('list item shape', () => {
  it('returns 201 with the listItem shape SharePoint returns (string id, eTags, webUrl, app identity, fields)', async () => {
    const r = await create({
      Title: 'Q3 policy',
      Status: 'Draft',
      Revision: 1,
      DueDate: '2025-07-01T00:00:00Z',
      IsFinal: false,
    });
    expect(r.status).toBe(201);
    const item = r.json;
    expect(item['id']).toBe('1');
    const etag = String(item['eTag']);
    expect(etag).toMatch(/^"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12},1"$/);
    expect(item['@odata.etag']).toBe(etag);
    const fields = obj(item['fields']);
    expect(fields['@odata.etag']).toBe(etag);
    expect(item['webUrl']).toBe('https://contoso.sharepoint.com/sites/Plans/Lists/ApprovalDocs/1_.000');
    expect(item['createdDateTime']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(item['lastModifiedDateTime']).toBe(item['createdDateTime']);
    expect(obj(obj(item['createdBy'])['application'])['id']).toEqual(expect.any(String));
    expect(obj(item['lastModifiedBy'])).toHaveProperty('application');
    expect(item['parentReference']).toEqual({ id: listId, siteId: h.siteId });
    expect(obj(item['contentType'])).toMatchObject({ name: 'Item', id: expect.stringMatching(/^0x0100/) });
    expect(fields).toMatchObject({
      Title: 'Q3 policy',
      Status: 'Draft',
      Revision: 1,
      DueDate: '2025-07-01T00:00:00Z',
      IsFinal: false,
      id: '1',
      ContentType: 'Item',
      Created: item['createdDateTime'],
      Modified: item['lastModifiedDateTime'],
      AuthorLookupId: expect.any(String),
      EditorLookupId: expect.any(String),
      _UIVersionString: '1.0',
    });
    expect(fields).not.toHaveProperty('Body');
  });

  it('gets one item with and without fields, and selected fields only', async () => {
    await create({ Title: 'A', Status: 'Draft', Revision: 3 });
    const bare = await h.call('GET', `${items}/1`);
    expect(bare.json).not.toHaveProperty('fields');
    for (const q of ['expand=fields(select=Title,Status)', '$expand=fields($select=Title,Status)']) {
      const sel = await h.call('GET', `${items}/1?${q}`);
      expect(obj(sel.json['fields'])).toEqual({
        '@odata.etag': sel.json['eTag'],
        Title: 'A',
        Status: 'Draft',
      });
    }
    const unknown = await h.call('GET', `${items}/1?expand=fields(select=Nope)`);
    expect(unknown.status).toBe(400);
  });

  it('answers 404 itemNotFound for a missing item', async () => {
    const r = await h.call('GET', `${items}/99`);
    expect(r.status).toBe(404);
    expect(errorCode(r)).toBe('itemNotFound');
  });

  it('never reuses an item id after a delete', async () => {
    await create({ Title: 'A' });
    await h.call('DELETE', `${items}/1`);
    expect((await create({ Title: 'B' })).json['id']).toBe('2');
  });
});

describe('updates, eTags and If-Match', () => {
  it('PATCH …/fields returns 200 with the new eTag; the version rises by one per write', async () => {
    const c = await create({ Title: 'A', Status: 'Draft' });
    const guid = String(c.json['eTag']).slice(1, 37);
    const p1 = await h.call('PATCH', `${items}/1/fields`, { Status: 'Pending' });
    expect(p1.status).toBe(200);
    expect(p1.json).toMatchObject({
      '@odata.etag': `"${guid},2"`,
      Status: 'Pending',
      Title: 'A',
      _UIVersionString: '2.0',
    });
    const p2 = await h.call('PATCH', `${items}/1/fields`, { Title: 'B' });
    expect(p2.json['@odata.etag']).toBe(`"${guid},3"`);
    const got = await h.call('GET', `${items}/1?$expand=fields`);
    expect(got.json['eTag']).toBe(`"${guid},3"`);
    expect(obj(got.json['fields'])['@odata.etag']).toBe(`"${guid},3"`);
  });

  it('a stale If-Match gets 412 resourceModified and changes nothing', async () => {
    const c = await create({ Title: 'A', Status: 'Draft' });
    const first = String(c.json['eTag']);
    await h.call('PATCH', `${items}/1/fields`, { Status: 'Pending' }, { 'If-Match': first });
    const stale = await h.call('PATCH', `${items}/1/fields`, { Status: 'Approved' }, { 'If-Match': first });
    expect(stale.status).toBe(412);
    expect(errorCode(stale)).toBe('resourceModified');
    const after = await h.call('GET', `${items}/1?$expand=fields`);
    expect(obj(after.json['fields'])['Status']).toBe('Pending');
    expect(String(after.json['eTag']).endsWith(',2"')).toBe(true);
    const del = await h.call('DELETE', `${items}/1`, undefined, { 'If-Match': first });
    expect(del.status).toBe(412);
    expect((await h.call('GET', `${items}/1`)).status).toBe(200);
  });

  it('If-Match * and a missing If-Match are unconditional; a current eTag succeeds', async () => {
    const c = await create({ Title: 'A' });
    expect((await h.call('PATCH', `${items}/1/fields`, { Title: 'B' }, { 'If-Match': '*' })).status).toBe(
      200,
    );
    expect((await h.call('PATCH', `${items}/1/fields`, { Title: 'C' })).status).toBe(200);
    const cur = await h.call('GET', `${items}/1`);
    expect(cur.json['eTag']).not.toBe(c.json['eTag']);
    expect(
      (await h.call('PATCH', `${items}/1/fields`, { Title: 'D' }, { 'If-Match': String(cur.json['eTag']) }))
        .status,
    ).toBe(200);
  });

  it('DELETE answers 204 with no body, then the item is gone', async () => {
    const c = await create({ Title: 'A' });
    const del = await h.call('DELETE', `${items}/1`, undefined, { 'If-Match': String(c.json['eTag']) });
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await h.call('GET', `${items}/1`)).status).toBe(404);
  });
});

describe('field validation', () => {
  it('refuses an unknown field with "Field \'X\' is not recognized" and creates nothing', async () => {
    const r = await create({ Title: 'A', Colour: 'red' });
    expect(r.status).toBe(400);
    expect(errorMessage(r)).toBe("Field 'Colour' is not recognized");
    const list = await h.call('GET', items);
    expect(list.json['value']).toEqual([]);
  });

  it('refuses single-line text over its maxLength, and over 255 for Title', async () => {
    expect((await create({ DocKey: 'x'.repeat(65) })).status).toBe(400);
    expect((await create({ DocKey: 'x'.repeat(64) })).status).toBe(201);
    const long = await create({ Title: 'y'.repeat(256) });
    expect(long.status).toBe(400);
    expect(errorMessage(long)).toContain('255');
    expect((await create({ Body: 'z'.repeat(5000) })).status).toBe(201);
  });

  it.each([
    ['Revision', 'three'],
    ['IsFinal', 'yes'],
    ['DueDate', 'next Tuesday'],
    ['Status', 'Rejected'],
    ['Title', 42],
    ['OwnerLookupId', 'abc'],
  ])('refuses a wrong type for %s', async (name, value) => {
    const r = await create({ [name]: value });
    expect(r.status).toBe(400);
    expect(errorCode(r)).toBe('invalidRequest');
  });

  it.each(['id', 'Created', 'Modified', 'AuthorLookupId', 'EditorLookupId', 'Author', 'ContentType'])(
    'refuses to write read-only %s',
    async (name) => {
      await create({ Title: 'A' });
      const r = await h.call('PATCH', `${items}/1/fields`, { [name]: '2020-01-01T00:00:00Z' });
      expect(r.status).toBe(400);
      expect(errorMessage(r)).toContain('read-only');
    },
  );

  it('normalises date-times to UTC with second precision and clears a field with null', async () => {
    await create({ Title: 'A', DueDate: '2025-07-01T10:30:00.123+01:00', Revision: 2 });
    const p = await h.call('PATCH', `${items}/1/fields`, { Revision: null });
    expect(p.json['DueDate']).toBe('2025-07-01T09:30:00Z');
    expect(p.json).not.toHaveProperty('Revision');
  });
});

describe('unique columns', () => {
  it('refuses a duplicate value on create with 409 naming the column and value, without regard to case', async () => {
    expect((await create({ DocKey: 'POL-0042' })).status).toBe(201);
    const dup = await create({ DocKey: 'pol-0042' });
    expect(dup.status).toBe(409);
    expect(errorMessage(dup)).toContain('DocKey');
    expect(errorMessage(dup)).toContain('pol-0042');
    expect(((await h.call('GET', items)).json['value'] as unknown[]).length).toBe(1);
  });

  it('refuses a clash on update and frees a value when it changes or the item is deleted', async () => {
    await create({ DocKey: 'A' });
    await create({ DocKey: 'B' });
    const clash = await h.call('PATCH', `${items}/2/fields`, { DocKey: 'A' });
    expect(clash.status).toBe(409);
    expect(obj((await h.call('GET', `${items}/2?expand=fields`)).json['fields'])['DocKey']).toBe('B');
    expect((await h.call('PATCH', `${items}/1/fields`, { DocKey: 'C' })).status).toBe(200);
    expect((await h.call('PATCH', `${items}/2/fields`, { DocKey: 'A' })).status).toBe(200);
    await h.call('DELETE', `${items}/2`);
    expect((await create({ DocKey: 'A' })).status).toBe(201);
  });

  it('lets an item keep its own value on update', async () => {
    await create({ DocKey: 'A', Title: 'x' });
    expect((await h.call('PATCH', `${items}/1/fields`, { DocKey: 'A', Title: 'y' })).status).toBe(200);
  });
});

describe('person fields', () => {
  it('accept a string LookupId from the User Information List and read back as <Name>LookupId', async () => {
    h.emu.admin.upsertUser({ id: 'aad-1', displayName: 'Ann Example', mail: 'ann@contoso.com' });
    const uil = await h.call(
      'GET',
      `${h.site}/lists/User Information List/items?expand=fields&$filter=fields/EMail eq 'ann@contoso.com'`,
      undefined,
      { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    );
    const row = (uil.json['value'] as Record<string, unknown>[])[0];
    const lookupId = String(row?.['id']);
    const r = await create({ Title: 'A', OwnerLookupId: lookupId });
    expect(r.status).toBe(201);
    expect(obj(r.json['fields'])['OwnerLookupId']).toBe(lookupId);
  });

  it('refuses an id not in the User Information List, a numeric id (500 as observed) and the bare name', async () => {
    expect((await create({ OwnerLookupId: '999' })).status).toBe(400);
    h.emu.admin.upsertUser({ id: 'aad-1', displayName: 'Ann', mail: 'ann@contoso.com' });
    const numeric = await create({ OwnerLookupId: 1 });
    expect(numeric.status).toBe(500);
    expect(errorCode(numeric)).toBe('generalException');
    expect((await create({ Owner: '1' })).status).toBe(400);
  });

  it('keeps the User Information List read-only over HTTP', async () => {
    const r = await h.call('POST', `${h.site}/lists/User Information List/items`, { fields: { Title: 'x' } });
    expect(r.status).toBe(400);
    expect(errorMessage(r)).toContain('not supported by the emulator');
  });
});
