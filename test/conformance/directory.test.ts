import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConformance, statusOf } from './pnp-harness.js';
import type { Conformance } from './pnp-harness.js';

let c: Conformance;
const GROUP = '99999999-0000-4000-8000-000000000001';
const userId = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

beforeAll(async () => {
  c = await startConformance();
  for (let n = 1; n <= 5; n++) {
    c.emu.admin.upsertUser({ id: userId(n), displayName: `Officer ${n}`, mail: `officer${n}@contoso.com` });
  }
  c.emu.admin.upsertGroup({ id: GROUP, displayName: 'Management team', memberIds: [userId(2), userId(4)] });
});
afterAll(async () => {
  await c.close();
});

describe('PnPjs: users and group members', () => {
  it('lists users and reads one by id; an unknown id is 404', async () => {
    const all = await c.graph.users();
    expect(all.map((u) => u.displayName)).toEqual([1, 2, 3, 4, 5].map((n) => `Officer ${n}`));
    const one = await c.graph.users.getById(userId(3))();
    expect(one.mail).toBe('officer3@contoso.com');
    await expect(c.graph.users.getById(userId(42))()).rejects.toSatisfy((e) => statusOf(e) === 404);
  });

  it('pages users to the end by following every @odata.nextLink', async () => {
    const pages: number[] = [];
    for await (const page of c.graph.users.top(2)) pages.push(page.length);
    expect(pages).toEqual([2, 2, 1]);
  });

  it("lists a group's members as users", async () => {
    const members = await c.graph.groups.getById(GROUP).members();
    expect(members.map((m) => (m as { displayName?: string }).displayName)).toEqual([
      'Officer 2',
      'Officer 4',
    ]);
  });
});
