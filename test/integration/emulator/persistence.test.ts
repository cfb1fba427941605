import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../src/local/emulator/index.js';
import type { SharePointEmulator } from '../../../src/local/emulator/index.js';
import { arr, obj, send, tempDbPath } from './harness.js';

const db = tempDbPath();
let emu: SharePointEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});
afterAll(() => db.cleanup());

describe('persistence', () => {
  it('keeps sites, lists, columns, items, eTags, unique values, files, pages and directory across a restart', async () => {
    emu = await startEmulator({ dbPath: db.path });
    const site = emu.admin.ensureSite('/sites/Plans');
    emu.admin.upsertUser({ id: 'u1', displayName: 'Ann', mail: 'ann@contoso.com' });
    emu.admin.upsertGroup({ id: 'g1', displayName: 'CMT', memberIds: ['u1'] });
    const s = `/sites/${site.id}`;
    const list = await send(emu, 'POST', `${s}/lists`, {
      displayName: 'Plans',
      columns: [{ name: 'Key', text: {}, indexed: true, enforceUniqueValues: true }],
    });
    const items = `${s}/lists/${String(list.json['id'])}/items`;
    await send(emu, 'POST', items, { fields: { Title: 'A', Key: 'k1' } });
    const patched = await send(emu, 'PATCH', `${items}/1/fields`, { Title: 'B' });
    const upload = await send(
      emu,
      'PUT',
      `${s}/drive/root:/Published/p.txt:/content`,
      Buffer.from('persisted bytes'),
      {
        'Content-Type': 'application/octet-stream',
      },
    );
    const page = await send(emu, 'POST', `${s}/pages`, {
      '@odata.type': '#microsoft.graph.sitePage',
      name: 'p.aspx',
    });
    await emu.close();

    emu = await startEmulator({ dbPath: db.path });
    expect(emu.admin.ensureSite('/sites/Plans').id).toBe(site.id);
    const item = await send(emu, 'GET', `${items}/1?expand=fields`);
    expect(item.status).toBe(200);
    expect(item.json['eTag']).toBe(patched.json['@odata.etag']);
    expect(obj(item.json['fields'])).toMatchObject({ Title: 'B', Key: 'k1', _UIVersionString: '2.0' });
    expect((await send(emu, 'POST', items, { fields: { Key: 'K1' } })).status).toBe(409);
    expect((await send(emu, 'POST', items, { fields: { Key: 'k2' } })).json['id']).toBe('2');
    const file = await fetch(`${emu.url}/v1.0${s}/drive/root:/Published/p.txt:/content`, {
      headers: { Authorization: 'Bearer t' },
    });
    expect(await file.text()).toBe('persisted bytes');
    const meta = await send(emu, 'GET', `${s}/drive/root:/Published/p.txt`);
    expect(meta.json['eTag']).toBe(upload.json['eTag']);
    expect((await send(emu, 'GET', `${s}/pages/${String(page.json['id'])}`)).status).toBe(200);
    expect(arr((await send(emu, 'GET', '/groups/g1/members')).json['value']).map((m) => m['id'])).toEqual([
      'u1',
    ]);
  });

  it('admin.reset wipes everything', async () => {
    emu = await startEmulator({ dbPath: db.path });
    const before = emu.admin.ensureSite('/sites/Plans');
    emu.admin.reset();
    expect((await send(emu, 'GET', `/sites/${before.id}`)).status).toBe(404);
    expect((await send(emu, 'GET', '/users/u1')).status).toBe(404);
    expect(emu.admin.ensureSite('/sites/Plans').id).not.toBe(before.id);
  });
});
