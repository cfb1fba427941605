/**
 * Idempotent provisioning: creates the lists and any missing columns, and indexes columns that should be
 * indexed. Running it again on a provisioned site reads and changes nothing.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import {
  allLists,
  graphColumnDefinition,
  libraryColumns,
  type ColumnSchema,
  type ListSchema,
} from './list-schema.js';
import { listsByName, resolveSite } from './site.js';

export interface ProvisionReport {
  readonly siteId: string;
  readonly createdLists: readonly string[];
  readonly addedColumns: readonly string[];
  readonly indexedColumns: readonly string[];
}

interface GraphColumn {
  readonly id: string;
  readonly name: string;
  readonly indexed?: boolean;
}

async function columnsOf(client: Client, siteId: string, listId: string): Promise<GraphColumn[]> {
  const page = (await client
    .api(`/sites/${siteId}/lists/${listId}/columns`)
    .select('id,name,indexed')
    .get()) as {
    value: GraphColumn[];
  };
  return page.value;
}

async function createList(client: Client, siteId: string, list: ListSchema): Promise<string> {
  const created = (await client.api(`/sites/${siteId}/lists`).post({
    displayName: list.displayName,
    description: list.description,
    list: { template: 'genericList' },
    columns: list.columns.map(graphColumnDefinition),
  })) as { id: string };
  return created.id;
}

/** The site's default document library, as a list: where plan documents and their metadata live. */
export async function documentLibraryId(client: Client, siteId: string): Promise<string> {
  const lists = (await client.api(`/sites/${siteId}/lists`).select('id,displayName,list').get()) as {
    value: { id: string; displayName: string; list?: { template?: string } }[];
  };
  const libraries = lists.value.filter((l) => l.list?.template === 'documentLibrary');
  const library = libraries.find((l) => l.displayName === 'Documents') ?? libraries[0];
  if (!library) throw new Error('The site has no document library');
  return library.id;
}

async function ensureColumns(
  client: Client,
  siteId: string,
  listId: string,
  label: string,
  columns: readonly ColumnSchema[],
  added: string[],
  indexed: string[],
): Promise<void> {
  // Columns sent with a new list have been ignored by SharePoint before, so check them either way.
  const present = new Map((await columnsOf(client, siteId, listId)).map((c) => [c.name, c]));
  for (const column of columns) {
    const found = present.get(column.name);
    if (!found) {
      await client.api(`/sites/${siteId}/lists/${listId}/columns`).post(graphColumnDefinition(column));
      added.push(`${label}.${column.name}`);
    } else if (column.indexed && !found.indexed) {
      await client.api(`/sites/${siteId}/lists/${listId}/columns/${found.id}`).patch({ indexed: true });
      indexed.push(`${label}.${column.name}`);
    }
  }
}

export async function provisionSite(
  client: Client,
  siteUrl: string,
  lists: readonly ListSchema[] = allLists,
): Promise<ProvisionReport> {
  const site = await resolveSite(client, siteUrl);
  const existing = await listsByName(client, site.id);
  const createdLists: string[] = [];
  const addedColumns: string[] = [];
  const indexedColumns: string[] = [];
  for (const list of lists) {
    let listId = existing.get(list.displayName);
    if (!listId) {
      listId = await createList(client, site.id, list);
      createdLists.push(list.displayName);
    }
    await ensureColumns(
      client,
      site.id,
      listId,
      list.displayName,
      list.columns,
      addedColumns,
      indexedColumns,
    );
  }
  const library = await documentLibraryId(client, site.id);
  await ensureColumns(client, site.id, library, 'Documents', libraryColumns, addedColumns, indexedColumns);
  return { siteId: site.id, createdLists, addedColumns, indexedColumns };
}

export function describeProvisionReport(siteUrl: string, report: ProvisionReport): string {
  const changes = [
    ...report.createdLists.map((l) => `created list ${l}`),
    ...report.addedColumns.map((c) => `added column ${c}`),
    ...report.indexedColumns.map((c) => `indexed column ${c}`),
  ];
  return changes.length === 0
    ? `${siteUrl}: already provisioned, nothing changed.`
    : `${siteUrl}:\n${changes.map((c) => `  ${c}`).join('\n')}`;
}
