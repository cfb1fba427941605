/** Display names for ids, from the directory, looked up once per use. */
import type { PersonId } from '../../domain/plan/plan.js';
import type { Directory } from '../../ports/directory.js';

export class PeopleNames {
  private readonly cache = new Map<PersonId, Promise<string>>();

  constructor(private readonly directory: Directory) {}

  name(id: PersonId): Promise<string> {
    let found = this.cache.get(id);
    if (!found) {
      found = this.directory
        .person(id)
        .then((person) => person?.displayName ?? 'Someone not in the directory')
        .catch(() => 'Someone (directory unavailable)');
      this.cache.set(id, found);
    }
    return found;
  }

  async names(ids: readonly PersonId[]): Promise<Record<PersonId, string>> {
    const entries = await Promise.all(ids.map(async (id) => [id, await this.name(id)] as const));
    return Object.fromEntries(entries);
  }
}
