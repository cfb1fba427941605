/** The plan site and its lists, resolved once at start-up so every later request addresses ids directly. */
import type { Client } from '@microsoft/microsoft-graph-client';
import { readAllPages } from './graph-paging.js';
import { allLists, type ListSchema } from './list-schema.js';

export interface SiteLists {
  readonly siteId: string;
  readonly webUrl: string;
  /** List id by schema key. */
  readonly listIds: Readonly<Record<string, string>>;
}

export class SiteNotReadyError extends Error {
  readonly code = 'SITE_NOT_PROVISIONED';
}

/** `https://contoso.sharepoint.com/sites/Plans` → the Graph path that addresses it. */
export function sitePathFromUrl(siteUrl: string): string {
  const url = new URL(siteUrl);
  const path = url.pathname.replace(/\/+$/, '');
  return path === '' ? `/sites/${url.hostname}` : `/sites/${url.hostname}:${path}`;
}

export async function resolveSite(client: Client, siteUrl: string): Promise<{ id: string; webUrl: string }> {
  const site = (await client.api(sitePathFromUrl(siteUrl)).select('id,webUrl').get()) as {
    id: string;
    webUrl: string;
  };
  return { id: site.id, webUrl: site.webUrl };
}

export async function listsByName(client: Client, siteId: string): Promise<Map<string, string>> {
  const lists = (await readAllPages(
    client,
    `/sites/${siteId}/lists?$select=id,displayName`,
    'the lists of the site',
  )) as { id: string; displayName: string }[];
  return new Map(lists.map((list) => [list.displayName, list.id]));
}

export async function connectSite(
  client: Client,
  siteUrl: string,
  lists: readonly ListSchema[] = allLists,
): Promise<SiteLists> {
  const site = await resolveSite(client, siteUrl);
  const names = await listsByName(client, site.id);
  const listIds: Record<string, string> = {};
  const missing: string[] = [];
  for (const list of lists) {
    const id = names.get(list.displayName);
    if (id) listIds[list.key] = id;
    else missing.push(list.displayName);
  }
  if (missing.length > 0) {
    throw new SiteNotReadyError(
      `The site ${siteUrl} has no ${missing.join(', ')} list${missing.length > 1 ? 's' : ''}. Run: npm run provision -- --site ${siteUrl}`,
    );
  }
  return { siteId: site.id, webUrl: site.webUrl, listIds };
}
