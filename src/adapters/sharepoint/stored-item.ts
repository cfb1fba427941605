/**
 * Reading list items back: every item is checked against its list's declared columns before a mapper
 * sees it. Data that does not fit is an infrastructure fault (someone edited the list by hand, or a
 * schema drifted), so it throws with the list, item and column named, instead of limping on.
 */
import type { z } from 'zod';
import type { ColumnSchema, ListSchema } from './list-schema.js';

export interface StoredItem {
  readonly id: string;
  readonly eTag: string;
  readonly lastModifiedDateTime: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export class StoredDataError extends Error {
  readonly code = 'STORED_DATA_INVALID';
  constructor(
    readonly list: string,
    readonly itemId: string,
    readonly column: string,
    problem: string,
  ) {
    super(`SharePoint list "${list}", item ${itemId}, column ${column}: ${problem}`);
  }
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function checkColumn(list: ListSchema, itemId: string, column: ColumnSchema, value: unknown): void {
  const fail = (problem: string): never => {
    throw new StoredDataError(list.displayName, itemId, column.name, problem);
  };
  if (value === undefined || value === null) {
    if (column.required) fail('is required but missing');
    return;
  }
  switch (column.type.kind) {
    case 'text':
      if (typeof value !== 'string') fail('expected text');
      else if (value.length > column.type.maxLength) fail(`longer than ${column.type.maxLength} characters`);
      return;
    case 'note':
      if (typeof value !== 'string') fail('expected text');
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail('expected a number');
      else if (column.type.integer && !Number.isInteger(value)) fail('expected a whole number');
      return;
    case 'dateTime':
      if (typeof value !== 'string' || !ISO_INSTANT.test(value)) fail('expected an ISO date-time in UTC');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail('expected true or false');
      return;
    case 'choice':
      if (typeof value !== 'string' || !column.type.choices.includes(value))
        fail(`expected one of ${column.type.choices.join(', ')}`);
      return;
  }
}

export function readItem(list: ListSchema, raw: unknown): StoredItem {
  const record = raw as {
    id?: unknown;
    eTag?: unknown;
    lastModifiedDateTime?: unknown;
    fields?: unknown;
  } | null;
  const id = typeof record?.id === 'string' ? record.id : '?';
  if (
    typeof record?.id !== 'string' ||
    typeof record.eTag !== 'string' ||
    typeof record.fields !== 'object' ||
    record.fields === null
  ) {
    throw new StoredDataError(list.displayName, id, '(item)', 'not a list item with id, eTag and fields');
  }
  const fields = record.fields as Record<string, unknown>;
  for (const column of list.columns) checkColumn(list, id, column, fields[column.name]);
  return {
    id,
    eTag: record.eTag,
    lastModifiedDateTime: typeof record.lastModifiedDateTime === 'string' ? record.lastModifiedDateTime : '',
    fields,
  };
}

/** Field accessors for mappers, after readItem has checked types. */
export class FieldReader {
  constructor(
    private readonly list: ListSchema,
    private readonly item: StoredItem,
  ) {}

  text(name: string): string {
    const value = this.item.fields[name];
    if (typeof value !== 'string')
      throw new StoredDataError(this.list.displayName, this.item.id, name, 'is missing');
    return value;
  }

  optionalText(name: string): string | null {
    const value = this.item.fields[name];
    return typeof value === 'string' && value !== '' ? value : null;
  }

  number(name: string): number {
    const value = this.item.fields[name];
    if (typeof value !== 'number')
      throw new StoredDataError(this.list.displayName, this.item.id, name, 'is missing');
    return value;
  }

  optionalNumber(name: string): number | null {
    const value = this.item.fields[name];
    return typeof value === 'number' ? value : null;
  }

  /** A dateOnly column comes back as midnight UTC; the domain speaks `YYYY-MM-DD`. */
  optionalDay(name: string): string | null {
    const value = this.optionalText(name);
    return value === null ? null : value.slice(0, 10);
  }

  json<T>(name: string, schema: z.ZodType<T>): T {
    const raw = this.text(name);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new StoredDataError(this.list.displayName, this.item.id, name, 'is not valid JSON');
    }
    const result = schema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new StoredDataError(
        this.list.displayName,
        this.item.id,
        name,
        `${issue?.path.join('.') || '(value)'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    return result.data;
  }
}

export const dayToField = (day: string | null): string | null => (day === null ? null : `${day}T00:00:00Z`);
