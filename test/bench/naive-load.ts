/**
 * The baseline the plan store is measured against: the way a plan is loaded when every item is fetched
 * on its own. It finds the plan item, lists the ids of the plan's section, stage and response items, then
 * GETs each item by id, one request at a time as a plain `for … await` loop does. It builds the plan with
 * the adapter's own mapper so the bench can check that both loaders return the same plan.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import {
  plansList,
  responsesList,
  sectionsList,
  stagesList,
  type ListSchema,
} from '../../src/adapters/sharepoint/list-schema.js';
import { planFromItems } from '../../src/adapters/sharepoint/plan-mapper.js';
import type { SiteLists } from '../../src/adapters/sharepoint/site.js';
import { readItem, type StoredItem } from '../../src/adapters/sharepoint/stored-item.js';
import type { Plan } from '../../src/domain/plan/plan.js';

interface Page {
  readonly value?: readonly unknown[];
  readonly '@odata.nextLink'?: string;
}

function itemsUrl(site: SiteLists, list: ListSchema): string {
  return `/sites/${site.siteId}/lists/${site.listIds[list.key]}/items`;
}

async function allPages(client: Client, url: string): Promise<unknown[]> {
  const values: unknown[] = [];
  let next: string | undefined = url;
  while (next !== undefined) {
    const page = (await client.api(next).get()) as Page;
    values.push(...(page.value ?? []));
    next = page['@odata.nextLink'];
  }
  return values;
}

async function itemIds(client: Client, site: SiteLists, list: ListSchema, planId: string): Promise<string[]> {
  const rows = await allPages(
    client,
    `${itemsUrl(site, list)}?$select=id&$filter=fields/PlanId eq '${planId}'&$top=999`,
  );
  return rows.map((row) => {
    const id = (row as { id?: unknown }).id;
    if (typeof id !== 'string') throw new Error(`${list.displayName}: a listed item has no id`);
    return id;
  });
}

async function itemsOneByOne(
  client: Client,
  site: SiteLists,
  list: ListSchema,
  ids: readonly string[],
): Promise<StoredItem[]> {
  const items: StoredItem[] = [];
  for (const id of ids) {
    items.push(
      readItem(
        list,
        await client
          .api(`${itemsUrl(site, list)}/${id}`)
          .expand('fields')
          .get(),
      ),
    );
  }
  return items;
}

/** Plan ids reach a $filter here, so only the shape the store accepts is let through. */
const PLAN_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

export async function loadNaively(client: Client, site: SiteLists, planId: string): Promise<Plan> {
  if (!PLAN_ID.test(planId)) throw new Error(`Not a plan id: ${planId}`);
  const [planRow] = await allPages(
    client,
    `${itemsUrl(site, plansList)}?$expand=fields&$filter=fields/PlanId eq '${planId}'&$top=1`,
  );
  if (planRow === undefined) throw new Error(`There is no plan ${planId}`);
  const plan = readItem(plansList, planRow);
  const sections = await itemsOneByOne(
    client,
    site,
    sectionsList,
    await itemIds(client, site, sectionsList, planId),
  );
  const stages = await itemsOneByOne(
    client,
    site,
    stagesList,
    await itemIds(client, site, stagesList, planId),
  );
  const responses = await itemsOneByOne(
    client,
    site,
    responsesList,
    await itemIds(client, site, responsesList, planId),
  );
  return planFromItems({ plan, sections, stages, responses });
}
