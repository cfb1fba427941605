import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arr, errorCode, startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

beforeEach(async () => {
  h = await startHarness();
  for (let i = 1; i <= 7; i++) {
    h.emu.admin.upsertUser({
      id: id(i),
      displayName: `Officer ${i}`,
      mail: `officer${i}@contoso.gov.uk`,
      jobTitle: i === 1 ? 'S151 officer' : 'Officer',
    });
  }
  h.emu.admin.upsertUser({
    id: id(9),
    displayName: 'Ann Leader',
    mail: 'ann.leader@contoso.gov.uk',
    userPrincipalName: 'ann@contoso.onmicrosoft.com',
  });
  h.emu.admin.upsertGroup({ id: 'g-sub', displayName: 'Finance', memberIds: [id(6), id(7)] });
  h.emu.admin.upsertGroup({
    id: 'g-cmt',
    displayName: 'CMT',
    memberIds: [id(1), id(2), id(3), id(4), id(5), 'g-sub'],
  });
});
afterEach(async () => {
  await h.close();
});

describe('users', () => {
  it('gets a user by id or UPN; an unknown one is 404 Request_ResourceNotFound', async () => {
    const byId = await h.call('GET', `/users/${id(9)}`);
    expect(byId.json).toMatchObject({
      id: id(9),
      displayName: 'Ann Leader',
      mail: 'ann.leader@contoso.gov.uk',
      userPrincipalName: 'ann@contoso.onmicrosoft.com',
    });
    expect((await h.call('GET', '/users/ANN@contoso.onmicrosoft.com')).json['id']).toBe(id(9));
    const missing = await h.call('GET', '/users/nobody');
    expect(missing.status).toBe(404);
    expect(errorCode(missing)).toBe('Request_ResourceNotFound');
  });

  it('filters by mail eq and startswith(displayName,…) with $select and $top', async () => {
    const byMail = await h.call(
      'GET',
      `/users?$filter=mail eq 'officer3@contoso.gov.uk'&$select=id,displayName`,
    );
    expect(byMail.json['value']).toEqual([{ id: id(3), displayName: 'Officer 3' }]);
    const prefix = await h.call('GET', `/users?$filter=startswith(displayName,'officer')&$top=5`);
    expect(arr(prefix.json['value'])).toHaveLength(5);
    expect(String(prefix.json['@odata.nextLink']).startsWith(`${h.emu.url}/v1.0/users?`)).toBe(true);
    const rest = await h.follow(String(prefix.json['@odata.nextLink']));
    expect(arr(rest.json['value']).map((u) => u['displayName'])).toEqual(['Officer 6', 'Officer 7']);
    expect((await h.call('GET', `/users?$filter=city eq 'Leeds'`)).status).toBe(400);
    expect((await h.call('GET', '/users?$top=1000')).status).toBe(400);
  });

  it('returns null for a real user property the emulator does not store, and 400 for an unknown one', async () => {
    expect((await h.call('GET', `/users/${id(1)}?$select=id,department`)).json).toMatchObject({
      id: id(1),
      department: null,
    });
    expect((await h.call('GET', `/users/${id(1)}?$select=shoeSize`)).status).toBe(400);
  });
});

describe('groups', () => {
  it('gets a group; an unknown group is 404 Request_ResourceNotFound', async () => {
    expect((await h.call('GET', '/groups/g-cmt')).json).toMatchObject({ id: 'g-cmt', displayName: 'CMT' });
    expect(errorCode(await h.call('GET', '/groups/none/members'))).toBe('Request_ResourceNotFound');
  });

  it('pages direct members with $top and nextLink, typed with @odata.type', async () => {
    const first = await h.call('GET', '/groups/g-cmt/members?$select=id,displayName,mail&$top=4');
    const value = arr(first.json['value']);
    expect(value).toHaveLength(4);
    expect(value[0]).toEqual({
      '@odata.type': '#microsoft.graph.user',
      id: id(1),
      displayName: 'Officer 1',
      mail: 'officer1@contoso.gov.uk',
    });
    const next = await h.follow(String(first.json['@odata.nextLink']));
    const rest = arr(next.json['value']);
    expect(rest.map((m) => m['id'])).toEqual([id(5), 'g-sub']);
    expect(rest[1]?.['@odata.type']).toBe('#microsoft.graph.group');
    expect(next.json).not.toHaveProperty('@odata.nextLink');
  });

  it('expands nested groups in transitiveMembers', async () => {
    const r = await h.call('GET', '/groups/g-cmt/transitiveMembers?$select=id');
    const ids = arr(r.json['value']).map((m) => m['id']);
    expect(ids).toEqual([id(1), id(2), id(3), id(4), id(5), id(6), id(7), 'g-sub']);
  });
});

describe('Teams app installation', () => {
  const APP = 'catalog-app-1';
  const BOT = 'bot-app-id-1';
  const bind = { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${APP}` };

  it('installs (201, empty body), refuses a repeat (409), finds the installation and its chat id', async () => {
    h.emu.admin.registerTeamsApp({ id: APP, botAppId: BOT, displayName: 'Plan Builder' });
    const user = id(2);
    const install = await h.call('POST', `/users/${user}/teamwork/installedApps`, bind);
    expect(install.status).toBe(201);
    expect(install.text).toBe('');
    expect((await h.call('POST', `/users/${user}/teamwork/installedApps`, bind)).status).toBe(409);
    const found = await h.call(
      'GET',
      `/users/${user}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '${APP}'`,
    );
    const apps = arr(found.json['value']);
    expect(apps).toHaveLength(1);
    expect(apps[0]?.['teamsApp']).toMatchObject({ id: APP, displayName: 'Plan Builder' });
    const none = await h.call('GET', `/users/${user}/teamwork/installedApps?$filter=teamsApp/id eq 'other'`);
    expect(none.json['value']).toEqual([]);
    const chat = await h.call('GET', `/users/${user}/teamwork/installedApps/${String(apps[0]?.['id'])}/chat`);
    expect(chat.json['id']).toBe(`19:${user}_${BOT}@unq.gbl.spaces`);
  });

  it('refuses an install the user policy forbids (403) and an unknown user (404)', async () => {
    h.emu.admin.forbidAppInstall(id(3), true);
    const r = await h.call('POST', `/users/${id(3)}/teamwork/installedApps`, bind);
    expect(r.status).toBe(403);
    h.emu.admin.forbidAppInstall(id(3), false);
    expect((await h.call('POST', `/users/${id(3)}/teamwork/installedApps`, bind)).status).toBe(201);
    expect((await h.call('POST', '/users/nobody/teamwork/installedApps', bind)).status).toBe(404);
  });

  it('refuses a body without a teamsApp@odata.bind catalog URL', async () => {
    expect((await h.call('POST', `/users/${id(1)}/teamwork/installedApps`, { teamsAppId: APP })).status).toBe(
      400,
    );
  });

  it('costs no SharePoint resource units', async () => {
    h.emu.stats.reset();
    await h.call('GET', `/users/${id(1)}`);
    await h.call('GET', '/groups/g-cmt/members');
    expect(h.emu.stats.snapshot()).toMatchObject({ requests: 2, resourceUnits: 0 });
  });
});
