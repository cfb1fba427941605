import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PREFER, arr, createList, errorCode, errorMessage, obj, startHarness } from './harness.js';
import type { Harness, Reply } from './harness.js';

let h: Harness;
let items: string;

const COLUMNS = [
  { name: 'DocKey', text: {}, indexed: true },
  { name: 'Status', choice: { choices: ['Draft', 'Pending', 'Approved'] }, indexed: true },
  { name: 'Revision', number: {}, indexed: true },
  { name: 'Notes', text: {} },
  { name: 'DueDate', dateTime: {}, indexed: true },
  { name: 'IsFinal', boolean: {}, indexed: true },
];

const SEED = [
  {
    Title: 'alpha',
    DocKey: 'POL-1',
    Status: 'Draft',
    Revision: 1,
    Notes: 'n1',
    DueDate: '2025-01-10T00:00:00Z',
    IsFinal: false,
  },
  {
    Title: 'beta',
    DocKey: 'POL-2',
    Status: 'Pending',
    Revision: 5,
    Notes: 'n2',
    DueDate: '2025-03-01T00:00:00Z',
    IsFinal: true,
  },
  {
    Title: "o'brien",
    DocKey: 'pol-3',
    Status: 'Approved',
    Revision: 3,
    Notes: 'n3',
    DueDate: '2025-02-01T00:00:00Z',
    IsFinal: true,
  },
  {
    Title: 'delta',
    DocKey: 'ADM-4',
    Status: 'Pending',
    Revision: 2,
    DueDate: '2025-05-01T00:00:00Z',
    IsFinal: false,
  },
];

beforeEach(async () => {
  h = await startHarness();
  const listId = await createList(h, 'Docs', COLUMNS);
  items = `${h.site}/lists/${listId}/items`;
  for (const fields of SEED) await h.call('POST', items, { fields });
});
afterEach(async () => {
  await h.close();
});

const titles = (r: Reply): unknown[] => arr(r.json['value']).map((i) => obj(i['fields'])['Title']);
const q = (query: string, headers: Record<string, string> = {}) =>
  h.call('GET', `${items}?$expand=fields&${query}`, undefined, headers);

describe('$filter', () => {
  it.each([
    ["fields/Status eq 'Pending'", ['beta', 'delta']],
    ["fields/Status ne 'Pending'", ['alpha', "o'brien"]],
    ['fields/Revision lt 3', ['alpha', 'delta']],
    ['fields/Revision le 3', ['alpha', "o'brien", 'delta']],
    ['fields/Revision gt 3', ['beta']],
    ['fields/Revision ge 3', ['beta', "o'brien"]],
    ["startswith(fields/DocKey,'pol-')", ['alpha', 'beta', "o'brien"]],
    ["fields/Status eq 'Pending' and fields/Revision gt 2", ['beta']],
    ["fields/Status eq 'Draft' or fields/Revision eq 3", ['alpha', "o'brien"]],
    ["(fields/Status eq 'Draft' or fields/Status eq 'Approved') and fields/IsFinal eq true", ["o'brien"]],
    ["fields/DueDate ge '2025-02-01T00:00:00Z'", ['beta', "o'brien", 'delta']],
    ["fields/DueDate lt '2025-02-01'", ['alpha']],
    ["fields/DocKey eq 'POL-3'", ["o'brien"]],
    ['fields/id ge 3', ["o'brien", 'delta']],
  ])('%s', async (filter, expected) => {
    const r = await q(`$filter=${encodeURIComponent(filter)}`, PREFER);
    expect(r.status).toBe(200);
    expect(titles(r)).toEqual(expected);
  });

  it("matches string literals with '' escaping, sent unencoded as the Graph client does", async () => {
    const r = await q("$filter=fields/Title eq 'o''brien'", PREFER);
    expect(titles(r)).toEqual(["o'brien"]);
  });

  it('refuses a non-indexed field without Prefer, with the exact SharePoint message', async () => {
    const r = await q("$filter=fields/Notes eq 'n1'");
    expect(r.status).toBe(400);
    expect(errorCode(r)).toBe('invalidRequest');
    expect(errorMessage(r)).toBe(
      "Field 'Notes' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
    );
    const ok = await q("$filter=fields/Notes eq 'n1'", PREFER);
    expect(titles(ok)).toEqual(['alpha']);
  });

  it('checks indexing per column: the same query passes once the column is indexed', async () => {
    expect((await q("$filter=fields/Title eq 'beta'")).status).toBe(400);
    await h.call('PATCH', `${items.replace(/\/items$/, '')}/columns/Title`, { indexed: true });
    expect(titles(await q("$filter=fields/Title eq 'beta'"))).toEqual(['beta']);
  });

  it('refuses an unknown field, a non-fields operand and a type mismatch', async () => {
    const unknown = await q("$filter=fields/Colour eq 'red'", PREFER);
    expect(unknown.status).toBe(400);
    expect(errorMessage(unknown)).toBe("Field 'Colour' is not recognized");
    expect((await q("$filter=Title eq 'x'", PREFER)).status).toBe(400);
    expect((await q("$filter=fields/Revision eq 'five'", PREFER)).status).toBe(400);
    expect((await q("$filter=contains(fields/Title,'a')", PREFER)).status).toBe(400);
  });
});

describe('$orderby', () => {
  it('orders by one or several fields, asc and desc', async () => {
    expect(titles(await q('$orderby=fields/Revision desc'))).toEqual(['beta', "o'brien", 'delta', 'alpha']);
    expect(titles(await q('$orderby=fields/Status,fields/Revision desc'))).toEqual([
      "o'brien",
      'alpha',
      'beta',
      'delta',
    ]);
    expect(titles(await q('$orderby=fields/DueDate asc'))).toEqual(['alpha', "o'brien", 'beta', 'delta']);
  });

  it('falls under the indexed rule too', async () => {
    expect((await q('$orderby=fields/Notes')).status).toBe(400);
    expect((await q('$orderby=fields/Modified desc')).status).toBe(400);
    expect((await q('$orderby=fields/Modified desc', PREFER)).status).toBe(200);
  });
});

describe('paging', () => {
  it('pages 2 + 2 + 0: absolute nextLinks on the emulator origin that repeat the query; the last page has none', async () => {
    const first = await h.call('GET', `${items}?expand=fields(select=Title)&$top=2`);
    expect(titles(first)).toEqual(['alpha', 'beta']);
    const link = String(first.json['@odata.nextLink']);
    expect(link.startsWith(`${h.emu.url}/v1.0${items}?`)).toBe(true);
    expect(link).toContain('expand=fields(select=Title)');
    expect(link).toContain('$top=2');
    const token = /\$skiptoken=([^&]+)/.exec(link)?.[1] ?? '';
    expect(Buffer.from(token, 'base64url').toString()).toBe('Paged=TRUE&p_ID=2');
    expect(token).not.toContain('=');
    const second = await h.follow(link);
    expect(titles(second)).toEqual(["o'brien", 'delta']);
    expect(second.json).not.toHaveProperty('@odata.nextLink');
  });

  it('pages through three pages of a filtered, ordered query without loss or repeat', async () => {
    for (let i = 0; i < 5; i++)
      await h.call('POST', items, { fields: { Title: `extra${i}`, Status: 'Pending', Revision: 10 + i } });
    const seen: unknown[] = [];
    let r = await q(
      `$filter=${encodeURIComponent("fields/Status eq 'Pending'")}&$orderby=fields/Revision desc&$top=3`,
    );
    let pages = 1;
    seen.push(...titles(r));
    while (typeof r.json['@odata.nextLink'] === 'string') {
      r = await h.follow(r.json['@odata.nextLink']);
      seen.push(...titles(r));
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['extra4', 'extra3', 'extra2', 'extra1', 'extra0', 'beta', 'delta']);
  });

  it('keeps an ordered page boundary when the last row of a page is deleted', async () => {
    const first = await q('$orderby=fields/Revision&$top=2');
    expect(titles(first)).toEqual(['alpha', 'delta']);
    await h.call('DELETE', `${items}/4`);
    const next = await h.follow(String(first.json['@odata.nextLink']));
    expect(titles(next)).toEqual(["o'brien", 'beta']);
  });

  it('refuses a tampered or decoded skiptoken with 400', async () => {
    const first = await q('$top=1');
    const link = String(first.json['@odata.nextLink']);
    const token = /\$skiptoken=([^&]+)/.exec(link)?.[1] ?? '';
    const decoded = link.replace(token, encodeURIComponent('Paged=TRUE&p_ID=1'));
    expect((await h.follow(decoded)).status).toBe(400);
    const forged = link.replace(token, Buffer.from('Paged=TRUE&p_ID=x').toString('base64url'));
    expect((await h.follow(forged)).status).toBe(400);
    const flipped = link.replace(token, `X${token.slice(1)}`);
    expect((await h.follow(flipped)).status).toBe(400);
    expect((await h.follow(link)).status).toBe(200);
  });

  it('caps $top at 999, defaults to pages of 200 and refuses a bad $top', async () => {
    for (let b = 0; b < 50; b++) {
      const requests = Array.from({ length: 20 }, (_, i) => ({
        id: String(i),
        method: 'POST',
        url: items,
        headers: { 'Content-Type': 'application/json' },
        body: { fields: { Title: `t${b * 20 + i}` } },
      }));
      expect((await h.call('POST', '/$batch', { requests })).status).toBe(200);
    }
    const dflt = await h.call('GET', items);
    expect(arr(dflt.json['value'])).toHaveLength(200);
    expect(dflt.json['@odata.nextLink']).toEqual(expect.any(String));
    const big = await h.call('GET', `${items}?$top=5000`);
    expect(arr(big.json['value'])).toHaveLength(999);
    const rest = await h.follow(String(big.json['@odata.nextLink']));
    expect(arr(rest.json['value'])).toHaveLength(1004 - 999);
    expect((await h.call('GET', `${items}?$top=0`)).status).toBe(400);
    expect((await h.call('GET', `${items}?$top=ten`)).status).toBe(400);
  });
});

describe('query options', () => {
  it('accepts $-less and percent-encoded option names and values alike', async () => {
    const a = await h.call(
      'GET',
      `${items}?expand=fields&filter=${encodeURIComponent("fields/Status eq 'Draft'")}`,
    );
    const b = await h.call('GET', `${items}?%24expand=fields&%24filter=fields%2FStatus%20eq%20%27Draft%27`);
    expect(titles(a)).toEqual(['alpha']);
    expect(titles(b)).toEqual(['alpha']);
  });

  it('keeps a literal % that the Graph client sends unencoded', async () => {
    await h.call('POST', items, { fields: { Title: '50% done' } });
    const r = await h.call(
      'GET',
      `${items}?$expand=fields&$filter=startswith(fields/Title,'50%')`,
      undefined,
      PREFER,
    );
    expect(titles(r)).toEqual(['50% done']);
  });

  it('supports a top-level $select on items', async () => {
    const r = await h.call('GET', `${items}?$select=id,eTag&$top=1`);
    const first = arr(r.json['value'])[0];
    expect(Object.keys(first ?? {}).sort()).toEqual(['@odata.etag', 'eTag', 'id']);
  });

  it('refuses options it does not implement instead of ignoring them', async () => {
    for (const opt of ['$count=true', '$search=x', '$skip=2', '$expand=driveItem']) {
      const r = await h.call('GET', `${items}?${opt}`);
      expect(r.status).toBe(400);
      expect(errorMessage(r)).toContain('not supported by the emulator');
    }
  });
});

describe('efficiency', () => {
  it('filters, orders and pages a 10,000-item list correctly', async () => {
    const listId = await createList(h, 'Big', [
      { name: 'Bucket', number: {}, indexed: true },
      { name: 'Key', text: {}, indexed: true },
    ]);
    const big = `${h.site}/lists/${listId}/items`;
    for (let b = 0; b < 500; b++) {
      const requests = Array.from({ length: 20 }, (_, i) => {
        const n = b * 20 + i;
        return {
          id: String(i),
          method: 'POST',
          url: `${big}`,
          headers: { 'Content-Type': 'application/json' },
          body: { fields: { Title: `t${n}`, Bucket: n % 10, Key: `k${String(n).padStart(5, '0')}` } },
        };
      });
      const r = await h.call('POST', '/$batch', { requests });
      expect(r.status).toBe(200);
    }
    const filtered = await h.call('GET', `${big}?$expand=fields&$filter=fields/Bucket eq 7&$top=999`);
    const ordered = await h.call(
      'GET',
      `${big}?$expand=fields&$filter=fields/Bucket eq 3&$orderby=fields/Key desc&$top=500`,
    );
    const last = await h.follow(String(ordered.json['@odata.nextLink']));
    expect(arr(filtered.json['value'])).toHaveLength(999);
    expect(obj(arr(ordered.json['value'])[0]?.['fields'])['Key']).toBe('k09993');
    expect(arr(last.json['value'])).toHaveLength(500);
    expect(last.json).not.toHaveProperty('@odata.nextLink');
  }, 120_000);
});
