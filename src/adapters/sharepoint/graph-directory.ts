/**
 * Directory on Microsoft Graph (Entra ID users and groups). Every entry is checked before it becomes a
 * Person, so a directory that answers something unexpected fails loudly here instead of deep in a card.
 */
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { PersonId } from '../../domain/plan/plan.js';
import type { Directory, Person } from '../../ports/directory.js';
import { NotACollectionError, readAllPages } from './graph-paging.js';
import { GraphStoreError } from './store-errors.js';

const PERSON_SELECT = 'id,displayName,mail,jobTitle,businessPhones';
const USER_TYPE = '#microsoft.graph.user';
/** A picker shows a handful; Graph's basic (non-ConsistencyLevel) queries answer up to 999. */
const SEARCH_CAP = 25;
const SEARCH_DEFAULT = 10;

export interface GraphDirectoryOptions {
  /** `$top` for group members; Graph allows up to 999. Tests make it small to force paging. */
  readonly memberPageSize?: number;
}

export class DirectoryDataError extends Error {
  readonly code = 'DIRECTORY_DATA_INVALID';
  constructor(
    readonly source: string,
    problem: string,
  ) {
    super(`Directory entry from ${source} is not a usable person: ${problem}`);
  }
}

// Graph sends null for an unset property; a missing one is treated the same so $select trimming is harmless.
const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value === undefined || value === null || value === '' ? null : value));

const personSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().refine((name) => name.trim() !== '', 'displayName is empty'),
  mail: optionalText,
  jobTitle: optionalText,
  businessPhones: z
    .array(z.string())
    .nullish()
    .transform((phones) => phones?.find((p) => p.trim() !== '') ?? null),
});

const pageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
});

function toPerson(raw: unknown, source: string): Person {
  const parsed = personSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const id =
      typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
        ? ` (id ${(raw as { id: string }).id})`
        : '';
    throw new DirectoryDataError(
      `${source}${id}`,
      `${issue?.path.join('.') || '(entry)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const { businessPhones, ...person } = parsed.data;
  return { ...person, phone: businessPhones };
}

function readPage(raw: unknown, source: string): z.infer<typeof pageSchema> {
  const parsed = pageSchema.safeParse(raw);
  if (!parsed.success) throw new DirectoryDataError(source, 'the answer is not a collection page');
  return parsed.data;
}

function graphFailure(what: string, error: unknown): unknown {
  if (!(error instanceof GraphError)) return error;
  return new GraphStoreError(
    `Microsoft Graph could not ${what}: ${error.statusCode} ${error.code ?? ''} ${error.message}`.trim(),
    error.statusCode,
    error.code,
  );
}

/** OData string literal content: quotes doubled, then percent-encoded because the SDK sends query values raw. */
function literal(text: string): string {
  return encodeURIComponent(text.replace(/'/g, "''"));
}

export class GraphDirectory implements Directory {
  private readonly memberPageSize: number;

  constructor(
    private readonly client: Client,
    options: GraphDirectoryOptions = {},
  ) {
    const size = options.memberPageSize ?? 999;
    if (!Number.isInteger(size) || size < 1 || size > 999)
      throw new RangeError(`memberPageSize must be a whole number from 1 to 999, got ${size}`);
    this.memberPageSize = size;
  }

  async person(id: PersonId): Promise<Person | null> {
    // An empty id would address the /users collection instead of a user.
    if (id.trim() === '') return null;
    let raw: unknown;
    try {
      raw = await this.client
        .api(`/users/${encodeURIComponent(id)}`)
        .select(PERSON_SELECT)
        .get();
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404) return null;
      throw graphFailure(`read user ${id}`, error);
    }
    return toPerson(raw, `/users/${id}`);
  }

  async search(text: string, limit: number = SEARCH_DEFAULT): Promise<readonly Person[]> {
    const prefix = text.trim();
    const top = Math.min(SEARCH_CAP, Math.floor(Number.isNaN(limit) ? SEARCH_DEFAULT : limit));
    if (prefix === '' || top < 1) return [];
    const value = literal(prefix);
    let raw: unknown;
    try {
      raw = await this.client
        .api('/users')
        .filter(`startswith(displayName,'${value}') or startswith(mail,'${value}')`)
        .select(PERSON_SELECT)
        .top(top)
        .get();
    } catch (error) {
      throw graphFailure(`search users for "${prefix}"`, error);
    }
    return readPage(raw, '/users')
      .value.slice(0, top)
      .map((entry) => toPerson(entry, '/users'));
  }

  async groupMembers(groupId: string): Promise<readonly Person[]> {
    // An empty id is a configuration bug; answering "nobody" would quietly empty an approval stage.
    if (groupId.trim() === '') throw new RangeError('groupMembers needs a group id');
    const source = `/groups/${groupId}/members`;
    let entries: unknown[];
    try {
      entries = await readAllPages(
        this.client,
        `/groups/${encodeURIComponent(groupId)}/members?$select=${PERSON_SELECT}&$top=${this.memberPageSize}`,
        `the members of group ${groupId}`,
      );
    } catch (error) {
      if (error instanceof NotACollectionError) throw new DirectoryDataError(source, error.message);
      throw error;
    }
    const people: Person[] = [];
    for (const entry of entries) {
      // Members can be groups, devices or service principals; only people belong in a Person list.
      const type = (entry as { '@odata.type'?: unknown } | null)?.['@odata.type'];
      if (type === USER_TYPE) people.push(toPerson(entry, source));
    }
    return people;
  }
}
