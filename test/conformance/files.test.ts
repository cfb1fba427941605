import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConformance } from './pnp-harness.js';
import type { Conformance } from './pnp-harness.js';

let c: Conformance;

beforeAll(async () => {
  c = await startConformance();
});
afterAll(async () => {
  await c.close();
});

describe('PnPjs: files in the site library', () => {
  it('uploads a file by path and reads its metadata back by path and by id', async () => {
    const drive = c.graph.sites.getById(c.siteId).drive;
    const up = await drive.root.upload({
      filePathName: 'notes.txt',
      content: 'first draft',
      contentType: 'text/plain',
    });
    expect(up.name).toBe('notes.txt');
    expect(up.size).toBe(11);
    const byPath = await drive.getItemByPath('notes.txt')();
    expect(byPath.id).toBe(up.id);
    const byId = await drive.getItemById(String(up.id))();
    expect(byId.name).toBe('notes.txt');
  });

  it('downloads the content through @microsoft.graph.downloadUrl (getContent), by path and by id', async () => {
    const drive = c.graph.sites.getById(c.siteId).drive;
    const bytes = Buffer.from([0, 1, 2, 200, 201, 255]);
    const up = await drive.root.upload({ filePathName: 'Published/data.bin', content: bytes });
    const byPath = await drive.getItemByPath('Published/data.bin').getContent();
    expect(Buffer.from(await byPath.arrayBuffer())).toEqual(bytes);
    const byId = await drive.getItemById(String(up.id)).getContent();
    expect(Buffer.from(await byId.arrayBuffer())).toEqual(bytes);
  });

  it('replaces the content of an existing file by id', async () => {
    const drive = c.graph.sites.getById(c.siteId).drive;
    const up = await drive.root.upload({
      filePathName: 'replace.txt',
      content: 'v1',
      contentType: 'text/plain',
    });
    await drive.getItemById(String(up.id)).upload({ content: 'version two', contentType: 'text/plain' });
    const text = await (await drive.getItemById(String(up.id)).getContent()).text();
    expect(text).toBe('version two');
  });
});
