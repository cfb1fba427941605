/**
 * Names for ids, from the directory, kept for a few minutes: a dashboard mentions the same dozen people
 * on every load, and the directory should not be asked each time. A directory outage never blocks a view.
 */
import type { PersonId } from '../../domain/plan/plan.js';
import type { Directory, Person } from '../../ports/directory.js';
import type { PeopleDto, PersonDto } from '../../shared/api.js';

const TTL_MS = 5 * 60_000;

export class PeopleCache {
  private readonly entries = new Map<PersonId, { at: number; person: Promise<Person | null> }>();

  constructor(
    private readonly directory: Directory,
    private readonly now: () => number = Date.now,
  ) {}

  /** The person, or null when the directory does not know them. Directory faults are thrown. */
  person(id: PersonId): Promise<Person | null> {
    const cached = this.entries.get(id);
    if (cached && this.now() - cached.at < TTL_MS) return cached.person;
    const person = this.directory.person(id);
    this.entries.set(id, { at: this.now(), person });
    // A failed lookup must not be remembered.
    person.catch(() => this.entries.delete(id));
    return person;
  }

  async people(ids: Iterable<PersonId>): Promise<PeopleDto> {
    const unique = [...new Set(ids)].filter((id) => id !== '');
    const entries = await Promise.all(
      unique.map(async (id): Promise<[PersonId, PersonDto]> => {
        try {
          const found = await this.person(id);
          return [id, found ? toDto(found) : unknown(id, 'Someone not in the directory')];
        } catch {
          return [id, unknown(id, 'Someone (the directory is unavailable)')];
        }
      }),
    );
    return Object.fromEntries(entries);
  }
}

export const toDto = (person: Person): PersonDto => ({
  id: person.id,
  displayName: person.displayName,
  mail: person.mail,
  jobTitle: person.jobTitle,
});

const unknown = (id: PersonId, displayName: string): PersonDto => ({
  id,
  displayName,
  mail: null,
  jobTitle: null,
});
