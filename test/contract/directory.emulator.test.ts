import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryDataError, GraphDirectory } from '../../src/adapters/sharepoint/graph-directory.js';
import { newRequestCounter, type RequestCounter } from '../../src/adapters/sharepoint/graph-client.js';
import { resetCounter, startTestSite, type TestSite } from '../support/sharepoint.js';
import { directoryContract, directoryFixture, objectId } from './directory.contract.js';

const MEMBER_PAGE_SIZE = 20;
const fixture = directoryFixture();
/** A directory entry our port cannot use: the emulator stores what it is given. */
const nameless = { id: objectId(3, 1), displayName: '', mail: 'nameless@wessexvale.gov.uk' };

let site: TestSite;
let counter: RequestCounter;
let directory: GraphDirectory;

beforeAll(async () => {
  site = await startTestSite();
  for (const p of fixture.people) {
    site.emulator.admin.upsertUser({
      id: p.id,
      displayName: p.displayName,
      mail: p.mail ?? '',
      ...(p.jobTitle === null ? {} : { jobTitle: p.jobTitle }),
    });
  }
  site.emulator.admin.upsertUser(nameless);
  for (const g of [fixture.nested, fixture.team, fixture.large]) {
    site.emulator.admin.upsertGroup({ id: g.id, displayName: g.displayName, memberIds: [...g.memberIds] });
  }
  site.emulator.admin.upsertGroup({
    id: objectId(2, 9),
    displayName: 'Has a broken member',
    memberIds: [fixture.named.alice.id, nameless.id],
  });
  counter = newRequestCounter();
  directory = new GraphDirectory(site.newClient(counter), { memberPageSize: MEMBER_PAGE_SIZE });
});
afterAll(async () => {
  await site.close();
});

directoryContract('Graph adapter against the local emulator', () => ({
  directory,
  fixture,
  memberPageSize: MEMBER_PAGE_SIZE,
  roundTrips: () => counter.requests,
  resetRoundTrips: () => resetCounter(counter),
}));

describe('Graph directory against the local emulator', () => {
  it('refuses a directory entry it cannot map, naming the entry', async () => {
    await expect(directory.person(nameless.id)).rejects.toThrow(DirectoryDataError);
    await expect(directory.person(nameless.id)).rejects.toThrow(/displayName is empty/);
    await expect(directory.groupMembers(objectId(2, 9))).rejects.toThrow(new RegExp(nameless.id));
  });

  it('reads members a full page of 999 at a time by default', async () => {
    const own = newRequestCounter();
    const members = await new GraphDirectory(site.newClient(own)).groupMembers(fixture.large.id);
    expect(members).toHaveLength(150);
    expect(own.requests).toBe(1);
  });

  it('refuses a member page size Graph would not accept', () => {
    expect(() => new GraphDirectory(site.client, { memberPageSize: 0 })).toThrow(RangeError);
    expect(() => new GraphDirectory(site.client, { memberPageSize: 1000 })).toThrow(RangeError);
  });
});
