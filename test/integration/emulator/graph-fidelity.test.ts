/**
 * What issue 19 found third-party clients needed and the emulator did not do: form-encoded query strings,
 * links on the emulator's own origin, the three site forms, item-level PATCH, base64 batch bodies and the
 * 302 to a pre-authenticated download URL. Each follows Graph's documented shape.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PREFER, arr, createList, errorCode, errorMessage, obj, startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
let clock: Date;
let items: string;

beforeEach(async () => {
  clock = new Date('2026-03-02T09:00:00Z');
  h = await startHarness({ now: () => clock });
  const listId = await createList(h, 'Tasks', [{ name: 'Priority', number: {}, indexed: true }]);
  items = `${h.site}/lists/${listId}/items`;
  for (const [Title, Priority] of [
    ['one', 1],
    ['two', 2],
    ['A+B', 3],
    ['A B', 4],
  ] as const) {
    await h.call('POST', items, { fields: { Title, Priority } });
  }
});
afterEach(async () => {
  await h.close();
});

const titles = (r: { json: Record<string, unknown> }): unknown[] =>
  arr(r.json['value']).map((i) => obj(i['fields'])['Title']);

describe('query strings are form-encoded: + is a space, %2B a plus', () => {
  it('reads + as a space in $filter and $orderby, in keys as in values', async () => {
    const r = await h.call(
      'GET',
      `${items}?%24expand=fields&%24filter=fields%2FPriority+le+2&%24orderby=fields%2FPriority+desc`,
    );
    expect(r.status).toBe(200);
    expect(titles(r)).toEqual(['two', 'one']);
  });

  it('reads %2B as a literal plus, and + inside a quoted value as a space', async () => {
    const plus = await h.call(
      'GET',
      `${items}?$expand=fields&$filter=fields/Title+eq+'A%2BB'`,
      undefined,
      PREFER,
    );
    expect(titles(plus)).toEqual(['A+B']);
    const space = await h.call(
      'GET',
      `${items}?$expand=fields&$filter=fields/Title+eq+'A+B'`,
      undefined,
      PREFER,
    );
    expect(titles(space)).toEqual(['A B']);
  });
});

describe('links on the emulator origin', () => {
  it('answers @odata.nextLink on the origin the request came to, repeating the query', async () => {
    const first = await h.call('GET', `${items}?$expand=fields&$top=3&$filter=fields/Priority ge 1`);
    const link = String(first.json['@odata.nextLink']);
    expect(link.startsWith(`${h.emu.url}/v1.0${items}?`)).toBe(true);
    const next = await fetch(link, { headers: { Authorization: 'Bearer t' } });
    const body = (await next.json()) as Record<string, unknown>;
    expect(titles({ json: body })).toEqual(['A B']);
  });

  it('does the same for directory paging', async () => {
    for (let n = 1; n <= 3; n++)
      h.emu.admin.upsertUser({ id: `u${n}`, displayName: `U${n}`, mail: `u${n}@x.org` });
    const first = await h.call('GET', '/users?$top=2');
    expect(String(first.json['@odata.nextLink']).startsWith(`${h.emu.url}/v1.0/users?`)).toBe(true);
  });
});

describe('the three forms of a site address', () => {
  it('reads host:/path with the colons and slashes percent-encoded, and goes on past it', async () => {
    const encoded = encodeURIComponent('contoso.sharepoint.com:/sites/Plans:');
    const r = await h.call('GET', `/sites/${encoded}`);
    expect(r.status).toBe(200);
    expect(r.json['id']).toBe(h.siteId);
    const lists = await h.call('GET', `/sites/${encoded}/lists`);
    expect(arr(lists.json['value']).map((l) => l['displayName'])).toContain('Tasks');
    const rootHost = await h.call('GET', `/sites/${encodeURIComponent('root:/sites/Plans:')}`);
    expect(rootHost.json['id']).toBe(h.siteId);
  });

  it('serves the tenant root site as /sites/root and /sites/{hostname}, with root and siteCollection facets', async () => {
    const root = await h.call('GET', '/sites/root');
    expect(root.status).toBe(200);
    expect(root.json).toMatchObject({
      webUrl: 'https://contoso.sharepoint.com',
      root: {},
      siteCollection: { hostname: 'contoso.sharepoint.com', root: {} },
    });
    const byHost = await h.call('GET', '/sites/contoso.sharepoint.com');
    expect(byHost.json['id']).toBe(root.json['id']);
    const plans = await h.call('GET', h.site);
    expect(plans.json).toMatchObject({ root: {}, siteCollection: { hostname: 'contoso.sharepoint.com' } });
    expect(obj(plans.json['siteCollection'])).not.toHaveProperty('root');
  });

  it('answers 404 itemNotFound for another hostname or a path that is no site', async () => {
    expect((await h.call('GET', '/sites/fabrikam.sharepoint.com')).status).toBe(404);
    const missing = await h.call(
      'GET',
      `/sites/${encodeURIComponent('contoso.sharepoint.com:/sites/Nope:')}`,
    );
    expect(missing.status).toBe(404);
    expect(errorCode(missing)).toBe('itemNotFound');
  });
});

describe('PATCH …/items/{id} with {"fields": …} (update listItem)', () => {
  it('updates the fields and answers 200 with the listItem, fields expanded; a stale If-Match is 412', async () => {
    const item = await h.call('GET', `${items}/1`);
    const etag = String(item.json['eTag']);
    const r = await h.call('PATCH', `${items}/1`, { fields: { Title: 'uno' } }, { 'If-Match': etag });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: '1', fields: { Title: 'uno', Priority: 1 } });
    expect(r.json['eTag']).not.toBe(etag);
    const stale = await h.call('PATCH', `${items}/1`, { fields: { Title: 'lost' } }, { 'If-Match': etag });
    expect(stale.status).toBe(412);
    expect(errorCode(stale)).toBe('resourceModified');
    expect(obj((await h.call('GET', `${items}/1?expand=fields`)).json['fields'])['Title']).toBe('uno');
  });

  it('refuses other listItem properties by name, and a body without fields', async () => {
    const other = await h.call('PATCH', `${items}/1`, {
      fields: { Title: 'x' },
      contentType: { name: 'Item' },
    });
    expect(other.status).toBe(400);
    expect(errorMessage(other)).toContain("'contentType'");
    expect(errorMessage(other)).toContain('not supported by the emulator');
    const none = await h.call('PATCH', `${items}/1`, { Title: 'x' });
    expect(none.status).toBe(400);
    expect(errorMessage(none)).toContain('fields');
  });
});

describe('$batch bodies given as base64', () => {
  const batch = (body: unknown, type = 'application/json') =>
    h.call('POST', '/$batch', {
      requests: [{ id: '1', method: 'POST', url: items, headers: { 'Content-Type': type }, body }],
    });
  const json = JSON.stringify({ fields: { Title: 'from base64', Priority: 9 } });

  it('reads a base64 (or base64url, unpadded) string body with a JSON Content-Type as the JSON it encodes', async () => {
    for (const encoded of [Buffer.from(json).toString('base64'), Buffer.from(json).toString('base64url')]) {
      const r = await batch(encoded);
      const inner = arr(r.json['responses'])[0];
      expect(inner).toMatchObject({ status: 201, body: { fields: { Title: 'from base64' } } });
    }
  });

  it('answers the inner request 400, naming it, when the string is not base64 of JSON', async () => {
    const r = await batch('not json, not base64!');
    expect(r.status).toBe(400);
    expect(errorMessage(r)).toContain("Batch request '1'");
  });
});

describe('downloads: 302 to a pre-authenticated URL', () => {
  let drive: string;
  let fileId: string;
  const bytes = Buffer.from('0123456789abcdef');

  beforeEach(async () => {
    drive = `${h.site}/drive`;
    const up = await h.call('PUT', `${drive}/root:/Published/a.bin:/content`, bytes, {
      'Content-Type': 'application/octet-stream',
    });
    fileId = String(up.json['id']);
  });

  it('answers GET …/content with 302 Found and a Location that needs no Authorization', async () => {
    for (const path of [`${drive}/items/${fileId}/content`, `${drive}/root:/Published/a.bin:/content`]) {
      const r = await fetch(`${h.emu.url}/v1.0${path}`, {
        headers: { Authorization: 'Bearer t' },
        redirect: 'manual',
      });
      expect(r.status).toBe(302);
      const location = r.headers.get('location') ?? '';
      expect(location.startsWith(`${h.emu.url}/`)).toBe(true);
      const download = await fetch(location);
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
    }
  });

  it('puts the same kind of URL in @microsoft.graph.downloadUrl on files, also when $select names it', async () => {
    const item = await h.call('GET', `${drive}/items/${fileId}`);
    const url = String(item.json['@microsoft.graph.downloadUrl']);
    expect(Buffer.from(await (await fetch(url)).arrayBuffer())).toEqual(bytes);
    const selected = await h.call('GET', `${drive}/items/${fileId}?$select=id,@microsoft.graph.downloadUrl`);
    expect(Object.keys(selected.json).filter((k) => !k.startsWith('@odata'))).toEqual([
      'id',
      '@microsoft.graph.downloadUrl',
    ]);
    const plain = await h.call('GET', `${drive}/items/${fileId}?$select=id,name`);
    expect(plain.json).not.toHaveProperty('@microsoft.graph.downloadUrl');
    const folder = await h.call('GET', `${drive}/root:/Published`);
    expect(folder.json).not.toHaveProperty('@microsoft.graph.downloadUrl');
  });

  it('answers Range on the download URL with 206 and Content-Range', async () => {
    const url = String(
      (await h.call('GET', `${drive}/items/${fileId}`)).json['@microsoft.graph.downloadUrl'],
    );
    const part = await fetch(url, { headers: { Range: 'bytes=2-5' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 2-5/16');
    expect(await part.text()).toBe('2345');
    const tail = await fetch(url, { headers: { Range: 'bytes=-3' } });
    expect(await tail.text()).toBe('def');
    expect((await fetch(url, { headers: { Range: 'bytes=99-' } })).status).toBe(416);
  });

  it('refuses an edited download URL, and one past its lifetime', async () => {
    const url = String(
      (await h.call('GET', `${drive}/items/${fileId}`)).json['@microsoft.graph.downloadUrl'],
    );
    const edited = url.slice(0, -2) + (url.endsWith('A') ? 'BB' : 'AA');
    expect((await fetch(edited)).status).toBe(401);
    clock = new Date(clock.getTime() + 61 * 60 * 1000);
    expect((await fetch(url)).status).toBe(401);
  });

  it('answers an inner /content in $batch with 302 and its Location, not followed', async () => {
    const r = await h.call('POST', '/$batch', {
      requests: [{ id: '1', method: 'GET', url: `${drive}/items/${fileId}/content` }],
    });
    const inner = arr(r.json['responses'])[0];
    expect(inner?.['status']).toBe(302);
    expect(String(obj(inner?.['headers'])['Location']).startsWith(h.emu.url)).toBe(true);
  });
});

describe('what the emulator still does not do', () => {
  it('answers a Graph-shaped 400 that names it', async () => {
    const search = await h.call('GET', `${items}?$search=plan`);
    expect(search.status).toBe(400);
    expect(errorCode(search)).toBe('invalidRequest');
    expect(errorMessage(search)).toContain("'$search'");
    expect(errorMessage(search)).toContain('not supported by the emulator');
    const del = await h.call('DELETE', items.replace(/\/items$/, ''));
    expect(del.status).toBe(400);
    expect(errorMessage(del)).toContain('not supported by the emulator');
  });
});
