/**
 * One list as a store of domain values: its schema and mapper declared together, items created under
 * the list's unique key, updated from the version read (If-Match), and a stale version answered with the
 * one conflict description. The KPI, outbox and conversation stores are mappers over this.
 */
import { ok, type Result } from '../../domain/support/result.js';
import type { Created, Version, Versioned } from '../../ports/versioned.js';
import { conflict } from './conflict.js';
import { keyColumn, type ChangeColumns, type Fields, type GraphLists, type ItemRef } from './graph-lists.js';
import type { ListSchema } from './list-schema.js';
import type { StoredItem } from './stored-item.js';

/** A list's schema and how its items map to and from one kind of domain value. */
export interface ListMapper<T> {
  readonly list: ListSchema;
  fields(value: T): Fields;
  read(item: StoredItem): T;
  /** The columns that record who changed an item last and when, named in a conflict. */
  readonly changedBy: ChangeColumns;
}

/** A version is the item's id and eTag; it never leaves the adapter as anything but an opaque token. */
export const versionOf = (item: ItemRef): Version => ({ id: item.id, eTag: item.eTag }) as unknown as Version;

export function refOf(version: Version): ItemRef {
  const ref = version as unknown as Partial<ItemRef> | null;
  if (typeof ref?.id !== 'string' || typeof ref.eTag !== 'string')
    throw new TypeError('Not a version this SharePoint store made');
  return { id: ref.id, eTag: ref.eTag };
}

export class ListRepository<T> {
  readonly list: ListSchema;
  private readonly key: string;

  constructor(
    readonly lists: GraphLists,
    private readonly mapper: ListMapper<T>,
  ) {
    this.list = mapper.list;
    this.key = keyColumn(mapper.list);
  }

  versioned(item: StoredItem): Versioned<T> {
    return { item: this.mapper.read(item), version: versionOf(item) };
  }

  async get(key: string): Promise<Versioned<T> | null> {
    const item = await this.lists.byKey(this.list, key);
    return item ? this.versioned(item) : null;
  }

  async where(column: string, value: string): Promise<Versioned<T>[]> {
    return (await this.lists.query({ list: this.list, where: { column, value } })).map((item) =>
      this.versioned(item),
    );
  }

  /** Stores the value under its key once; a taken key reads back what is there. */
  async create(value: T): Promise<Created<T>> {
    const fields = this.mapper.fields(value);
    const written = await this.lists.create(this.list, fields);
    if (written.ok) return { stored: { item: value, version: versionOf(written.item) }, created: true };
    const found = await this.get(String(fields[this.key]));
    if (!found)
      throw new Error(
        `${this.list.displayName}: the key ${String(fields[this.key])} is taken but no item has it`,
      );
    return { stored: found, created: false };
  }

  /** Stores the value under its key unless the key is taken; says whether it did. */
  async add(value: T): Promise<boolean> {
    return (await this.lists.create(this.list, this.mapper.fields(value))).ok;
  }

  /**
   * Writes `next` over the version read; CONFLICT naming who changed it and when if it changed since.
   * `what` starts the conflict's sentence ("The KPI “Visits”").
   */
  async update(stored: Versioned<T>, next: T, what: string): Promise<Result<Versioned<T>>> {
    const written = await this.replace(stored, next);
    if (written) return ok(written);
    return this.conflictOn(stored.version, what);
  }

  /** Writes `next` over the version read: stored, or null if the item changed since. */
  async replace(stored: Versioned<T>, next: T): Promise<Versioned<T> | null> {
    const written = await this.patch(stored.version, this.mapper.fields(next));
    return written ? { item: next, version: written } : null;
  }

  /** Some columns of an item, from the version read: the new version, or null if it changed since. */
  async patch(version: Version, fields: Fields): Promise<Version | null> {
    const written = await this.lists.update(this.list, refOf(version), fields);
    return written.ok ? versionOf(written.item) : null;
  }

  async conflictOn(version: Version, what: string): Promise<Result<never>> {
    const { id } = refOf(version);
    return conflict(what, await this.lists.lastChange(this.list, id, this.mapper.changedBy), { item: id });
  }
}
