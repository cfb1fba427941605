import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arr, errorCode, errorMessage, obj, startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
let driveId: string;

beforeEach(async () => {
  h = await startHarness();
  driveId = String((await h.call('GET', `${h.site}/drive`)).json['id']);
});
afterEach(async () => {
  await h.close();
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const put = (path: string, bytes: string | Buffer, query = '', headers: Record<string, string> = {}) =>
  h.call('PUT', `${path}${query}`, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), {
    'Content-Type': 'application/octet-stream',
    ...headers,
  });

describe('drives', () => {
  it('exposes the site library as a b! drive, alone in /drives', async () => {
    expect(driveId).toMatch(/^b![A-Za-z0-9_-]{64}$/);
    const one = await h.call('GET', `${h.site}/drive`);
    expect(one.json).toMatchObject({
      driveType: 'documentLibrary',
      name: 'Documents',
      webUrl: 'https://contoso.sharepoint.com/sites/Plans/Shared%20Documents',
    });
    const all = await h.call('GET', `${h.site}/drives`);
    expect(arr(all.json['value']).map((d) => d['id'])).toEqual([driveId]);
    expect((await h.call('GET', `/drives/${driveId}`)).json['id']).toBe(driveId);
  });
});

describe('upload and download', () => {
  it('PUT creates folders and the file: 201 driveItem with braced eTag, cTag, webUrl, mimeType and parentReference', async () => {
    const r = await put(`${h.site}/drive/root:/Published/Q3 policy.docx:/content`, 'docx-bytes');
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      name: 'Q3 policy.docx',
      size: 10,
      webUrl: 'https://contoso.sharepoint.com/sites/Plans/Shared%20Documents/Published/Q3%20policy.docx',
      file: { mimeType: DOCX },
      parentReference: { driveId, driveType: 'documentLibrary', path: `/drives/${driveId}/root:/Published` },
    });
    expect(r.json['id']).toMatch(/^01[A-Z2-7]{32}$/);
    expect(r.json['eTag']).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);
    expect(r.json['cTag']).toMatch(/^"c:\{[0-9A-F-]{36}\},1"$/);
    const folder = await h.call('GET', `/drives/${driveId}/root:/Published`);
    expect(folder.json).toMatchObject({ name: 'Published', folder: { childCount: 1 } });
  });

  it('downloads the bytes with the right Content-Type, by id and by path', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252]);
    const up = await put(`/drives/${driveId}/root:/a/data.pdf:/content`, bytes);
    for (const path of [
      `/drives/${driveId}/items/${String(up.json['id'])}/content`,
      `${h.site}/drive/root:/a/data.pdf:/content`,
    ]) {
      const res = await fetch(`${h.emu.url}/v1.0${path}`, { headers: { Authorization: 'Bearer t' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    }
  });

  it('conflictBehavior: replace (default) → 200 and a new version; fail → 409; rename → "name 1.ext"', async () => {
    const path = `/drives/${driveId}/root:/Report.docx:/content`;
    const first = await put(path, 'v1');
    const replaced = await put(path, 'version two');
    expect(replaced.status).toBe(200);
    expect(replaced.json['id']).toBe(first.json['id']);
    expect(replaced.json['eTag']).toMatch(/,2"$/);
    expect(replaced.json['size']).toBe(11);
    const fail = await put(path, 'x', '?@microsoft.graph.conflictBehavior=fail');
    expect(fail.status).toBe(409);
    expect(errorCode(fail)).toBe('nameAlreadyExists');
    const renamed = await put(path, 'x', '?@microsoft.graph.conflictBehavior=rename');
    expect(renamed.status).toBe(201);
    expect(renamed.json['name']).toBe('Report 1.docx');
    const content = await fetch(`${h.emu.url}/v1.0/drives/${driveId}/root:/report.DOCX:/content`, {
      headers: { Authorization: 'Bearer t' },
    });
    expect(await content.text()).toBe('version two');
  });

  it('honours If-Match on a replace', async () => {
    const path = `/drives/${driveId}/root:/r.txt:/content`;
    const first = await put(path, 'v1');
    await put(path, 'v2');
    const stale = await put(path, 'v3', '', { 'If-Match': String(first.json['eTag']) });
    expect(stale.status).toBe(412);
  });

  it('lists versions newest first', async () => {
    const path = `/drives/${driveId}/root:/v.txt:/content`;
    const up = await put(path, 'one');
    await put(path, 'three');
    const r = await h.call('GET', `/drives/${driveId}/items/${String(up.json['id'])}/versions`);
    expect(arr(r.json['value']).map((v) => [v['id'], v['size']])).toEqual([
      ['2.0', 5],
      ['1.0', 3],
    ]);
  });

  it('gets metadata by path and 404s a missing one; refuses invalid names', async () => {
    await put(`/drives/${driveId}/root:/x/y.txt:/content`, 'y');
    const meta = await h.call('GET', `/drives/${driveId}/root:/x/y.txt?$select=id,webUrl`);
    expect(Object.keys(meta.json).filter((k) => !k.startsWith('@'))).toEqual(['id', 'webUrl']);
    const missing = await h.call('GET', `/drives/${driveId}/root:/x/nope.txt`);
    expect(missing.status).toBe(404);
    expect(errorCode(missing)).toBe('itemNotFound');
    const bad = await put(`/drives/${driveId}/root:/bad${encodeURIComponent('|')}name.txt:/content`, 'z');
    expect(bad.status).toBe(400);
    expect(errorMessage(bad)).toContain("'bad|name.txt'");
  });

  it('refuses format=pdf conversion as not supported, in words', async () => {
    const up = await put(`/drives/${driveId}/root:/c.docx:/content`, 'c');
    const r = await h.call('GET', `/drives/${driveId}/items/${String(up.json['id'])}/content?format=pdf`);
    expect(r.status).toBe(400);
    expect(errorCode(r)).toBe('notSupported');
    expect(errorMessage(r)).toContain('not supported by the emulator');
  });
});

describe('library fields', () => {
  it('adds a column to the Documents list and reads/writes it through listItem/fields; eTags move together', async () => {
    const docs = await h.call('GET', `${h.site}/lists/Documents`);
    expect(docs.json['list']).toMatchObject({ template: 'documentLibrary' });
    const col = await h.call('POST', `${h.site}/lists/${String(docs.json['id'])}/columns`, {
      name: 'DocKey',
      text: {},
      indexed: true,
      enforceUniqueValues: true,
    });
    expect(col.status).toBe(201);
    const up = await put(`/drives/${driveId}/root:/Published/p.docx:/content`, 'p');
    const base = `/drives/${driveId}/items/${String(up.json['id'])}/listItem`;
    const patched = await h.call('PATCH', `${base}/fields`, { DocKey: 'POL-0042' });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      DocKey: 'POL-0042',
      FileLeafRef: 'p.docx',
      ContentType: 'Document',
    });
    const item = await h.call('GET', `${base}?expand=fields`);
    expect(obj(item.json['fields'])['DocKey']).toBe('POL-0042');
    expect(item.json['webUrl']).toBe(
      'https://contoso.sharepoint.com/sites/Plans/Shared%20Documents/Published/p.docx',
    );
    const file = await h.call('GET', `/drives/${driveId}/items/${String(up.json['id'])}`);
    expect(file.json['eTag']).toMatch(/,2"$/);
    expect(String(patched.json['@odata.etag'])).toMatch(/,2"$/);
    const unknown = await h.call('PATCH', `${base}/fields`, { Nope: 1 });
    expect(errorMessage(unknown)).toBe("Field 'Nope' is not recognized");
    const up2 = await put(`/drives/${driveId}/root:/q.docx:/content`, 'q');
    const clash = await h.call(
      'PATCH',
      `/drives/${driveId}/items/${String(up2.json['id'])}/listItem/fields`,
      { DocKey: 'pol-0042' },
    );
    expect(clash.status).toBe(409);
  });

  it('shows files (and folders) as items of the Documents list', async () => {
    await put(`/drives/${driveId}/root:/F/a.txt:/content`, 'a');
    const r = await h.call(
      'GET',
      `${h.site}/lists/Documents/items?expand=fields(select=FileLeafRef,ContentType)`,
    );
    expect(arr(r.json['value']).map((i) => obj(i['fields'])['FileLeafRef'])).toEqual(['F', 'a.txt']);
    expect(arr(r.json['value']).map((i) => obj(i['fields'])['ContentType'])).toEqual(['Folder', 'Document']);
  });
});
