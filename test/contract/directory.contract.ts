/**
 * The Directory contract: what every implementation must do, given a directory that holds the fixture
 * below (the emulator seeds it; a tenant run would need the same people and groups).
 */
import { describe, expect, it } from 'vitest';
import type { Directory, Person } from '../../src/ports/directory.js';

export interface FixtureGroup {
  readonly id: string;
  readonly displayName: string;
  /** People and groups, as direct members. */
  readonly memberIds: readonly string[];
}

export interface DirectoryFixture {
  readonly people: readonly Person[];
  readonly named: {
    readonly alice: Person;
    readonly alina: Person;
    /** "Ali" is in the middle of the name, so a prefix search for it must miss them. */
    readonly bob: Person;
    /** Found only by the start of the mail address. */
    readonly mailbox: Person;
    readonly siobhan: Person;
    readonly ampersand: Person;
    readonly plusMail: Person;
  };
  /** Twelve people and one nested group. */
  readonly team: FixtureGroup;
  readonly nested: FixtureGroup;
  /** Enough members to take several pages. */
  readonly large: FixtureGroup;
  /** The start of every large-group member's name. */
  readonly bulkPrefix: string;
}

const domain = 'wessexvale.gov.uk';
const pad = (n: number, width: number): string => String(n).padStart(width, '0');
/** Entra object ids are GUIDs; the number makes them distinct and readable in a failure. */
export const objectId = (kind: number, n: number): string => `${pad(kind, 8)}-0000-4000-8000-${pad(n, 12)}`;

export function directoryFixture(): DirectoryFixture {
  const person = (n: number, displayName: string, mail: string, jobTitle: string | null = null): Person => ({
    id: objectId(1, n),
    displayName,
    mail,
    jobTitle,
    // Nobody in the fixture has a business phone: the adapter says so with null.
    phone: null,
  });
  const named = {
    alice: person(1, 'Alice Quennell', `alice.quennell@${domain}`, 'Head of Policy'),
    alina: person(2, 'Alina Brook', `a.brook@${domain}`),
    bob: person(3, 'Bob Alison', `bob.alison@${domain}`, 'Finance Officer'),
    mailbox: person(4, 'Democratic Services', `dem.services@${domain}`),
    siobhan: person(5, "Siobhan O'Brien", `siobhan.obrien@${domain}`, 'Chief Executive'),
    ampersand: person(6, 'Smith & Jones Partnership', `smith.jones@${domain}`),
    plusMail: person(7, 'Jo Pascoe', `jo+plans@${domain}`),
  };
  const teamPeople = Array.from({ length: 12 }, (_, i) =>
    person(100 + i, `Team Member ${pad(i + 1, 2)}`, `team.member${i + 1}@${domain}`, 'Director'),
  );
  const bulkPeople = Array.from({ length: 150 }, (_, i) =>
    person(1000 + i, `Bulk Person ${pad(i + 1, 3)}`, `bulk${i + 1}@${domain}`),
  );
  const nested: FixtureGroup = {
    id: objectId(2, 2),
    displayName: 'Statutory officers',
    memberIds: [named.alice.id, named.bob.id],
  };
  return {
    people: [...Object.values(named), ...teamPeople, ...bulkPeople],
    named,
    team: {
      id: objectId(2, 1),
      displayName: 'Corporate management team',
      memberIds: [...teamPeople.map((p) => p.id), nested.id],
    },
    nested,
    large: {
      id: objectId(2, 3),
      displayName: 'All staff',
      memberIds: [...bulkPeople.map((p) => p.id), nested.id],
    },
    bulkPrefix: 'Bulk Person',
  };
}

export interface DirectoryUnderTest {
  readonly directory: Directory;
  readonly fixture: DirectoryFixture;
  /** The page size the directory was built with for group members. */
  readonly memberPageSize: number;
  /** Graph requests sent since the last reset. */
  roundTrips(): number;
  resetRoundTrips(): void;
}

const byId = (people: readonly Person[]): Person[] => [...people].sort((a, b) => a.id.localeCompare(b.id));

export function directoryContract(name: string, open: () => DirectoryUnderTest): void {
  describe(`Directory contract: ${name}`, () => {
    it('finds a person by id with exactly the fields the port promises, in one round trip', async () => {
      const { directory, fixture, roundTrips, resetRoundTrips } = open();
      resetRoundTrips();
      expect(await directory.person(fixture.named.alice.id)).toEqual(fixture.named.alice);
      expect(roundTrips()).toBe(1);
      const alina = await directory.person(fixture.named.alina.id);
      expect(alina).toEqual(fixture.named.alina);
      expect(alina?.jobTitle).toBeNull();
    });

    it('answers null for an unknown or empty id', async () => {
      const { directory, roundTrips, resetRoundTrips } = open();
      expect(await directory.person(objectId(9, 9))).toBeNull();
      resetRoundTrips();
      expect(await directory.person('')).toBeNull();
      expect(await directory.person('   ')).toBeNull();
      expect(roundTrips()).toBe(0);
    });

    it('searches by the start of the name, not the middle, in one round trip', async () => {
      const { directory, fixture, roundTrips, resetRoundTrips } = open();
      const { alice, alina, bob } = fixture.named;
      resetRoundTrips();
      const found = await directory.search('ali');
      expect(roundTrips()).toBe(1);
      expect(byId(found)).toEqual(byId([alice, alina]));
      expect(found.map((p) => p.id)).not.toContain(bob.id);
      expect(byId(await directory.search('  Alice Q  '))).toEqual([alice]);
    });

    it('searches by the start of the mail address', async () => {
      const { directory, fixture } = open();
      expect(await directory.search('dem.serv')).toEqual([fixture.named.mailbox]);
      expect(await directory.search('jo+pl')).toEqual([fixture.named.plusMail]);
    });

    it('takes quotes, ampersands and filter syntax in the text as text', async () => {
      const { directory, fixture } = open();
      expect(await directory.search("Siobhan O'B")).toEqual([fixture.named.siobhan]);
      expect(await directory.search("'")).toEqual([]);
      expect(await directory.search("x') or startswith(displayName,'A")).toEqual([]);
      expect(await directory.search('Smith & J')).toEqual([fixture.named.ampersand]);
      expect(await directory.search('100% #1')).toEqual([]);
    });

    it('answers an empty text without asking, and caps the number of results at 25', async () => {
      const { directory, fixture, roundTrips, resetRoundTrips } = open();
      resetRoundTrips();
      expect(await directory.search('')).toEqual([]);
      expect(await directory.search('   ')).toEqual([]);
      expect(await directory.search(fixture.bulkPrefix, 0)).toEqual([]);
      expect(roundTrips()).toBe(0);
      const bulk = new Set(fixture.large.memberIds);
      const three = await directory.search(fixture.bulkPrefix, 3);
      expect(three).toHaveLength(3);
      const many = await directory.search(fixture.bulkPrefix, 500);
      expect(many).toHaveLength(25);
      expect(new Set(many.map((p) => p.id)).size).toBe(25);
      expect(many.every((p) => bulk.has(p.id))).toBe(true);
    });

    it('lists the direct members of a group who are people, dropping nested groups', async () => {
      const { directory, fixture } = open();
      const expected = fixture.people.filter((p) => fixture.team.memberIds.includes(p.id));
      expect(expected).toHaveLength(12);
      const members = await directory.groupMembers(fixture.team.id);
      expect(byId(members)).toEqual(byId(expected));
      // The nested group's own members are not direct members of the team.
      expect(members.map((p) => p.id)).not.toContain(fixture.named.alice.id);
      expect(members.map((p) => p.id)).not.toContain(fixture.nested.id);
    });

    it('follows every page of a large group to the end', async () => {
      const { directory, fixture, memberPageSize, roundTrips, resetRoundTrips } = open();
      const expected = fixture.people.filter((p) => fixture.large.memberIds.includes(p.id));
      resetRoundTrips();
      const members = await directory.groupMembers(fixture.large.id);
      expect(members).toHaveLength(expected.length);
      expect(byId(members)).toEqual(byId(expected));
      // One request per page of entries, groups included: paging was followed, and nothing more was asked.
      expect(roundTrips()).toBe(Math.ceil(fixture.large.memberIds.length / memberPageSize));
      expect(roundTrips()).toBeGreaterThan(1);
    });

    it('treats an unknown group as an error, not as a group of nobody', async () => {
      const { directory } = open();
      await expect(directory.groupMembers(objectId(9, 8))).rejects.toThrow();
      await expect(directory.groupMembers('')).rejects.toThrow();
    });
  });
}
