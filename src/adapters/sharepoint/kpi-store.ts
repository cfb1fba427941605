/**
 * KpiStore on the `PB KPIs`, `PB KPI values` and `PB Milestones` lists. A plan's KPIs, values and
 * milestones load in one $batch round trip. Each item is created under its unique key (`KpiId`,
 * `ValueKey` = KPI and period, `MilestoneId`), so a repeated click or a retried POST finds the item the
 * first attempt made instead of making another; updates carry If-Match, and a 412 becomes a CONFLICT
 * naming who changed the item and when. Every item read is checked against its list's columns and
 * against the domain's rules for what a KPI or value can be.
 */
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { Kpi, KpiValue, ShareBasis } from '../../domain/kpi.js';
import { valueKey } from '../../domain/kpi.js';
import { periodFromKey } from '../../domain/kpi-periods.js';
import type { Milestone } from '../../domain/milestone.js';
import { progressUpdateId, type ProgressUpdate } from '../../domain/progress-update.js';
import { ok, refuse, type Result } from '../../domain/result.js';
import type { Created, KpiStore, PlanKpis, ProgressUpdateStore, Versioned } from '../../ports/kpi-store.js';
import { runBatch, type BatchOptions } from './graph-batch.js';
import {
  kpisList,
  kpiValuesList,
  milestonesList,
  progressUpdatesList,
  type ListSchema,
} from './list-schema.js';
import { graphPathOf } from './graph-link.js';
import { ListItems } from './list-items.js';
import type { Fields } from './plan-mapper.js';
import type { SiteLists } from './site.js';
import { dayToField, FieldReader, readItem, StoredDataError, type StoredItem } from './stored-item.js';
import { GraphStoreError } from './store-errors.js';
import { approvalRuleJson, delegationsJson } from './stored-json.js';

/** Our ids are UUIDs or slugs; anything else cannot name an item and must not reach a $filter. */
const ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

const versionOf = (item: { id: string; eTag: string }): string => `${item.id}|${item.eTag}`;

function itemRef(version: string): { id: string; eTag: string } {
  const bar = version.indexOf('|');
  return { id: version.slice(0, bar), eTag: version.slice(bar + 1) };
}

const status = (error: unknown): number | null => (error instanceof GraphError ? error.statusCode : null);

const withoutNulls = (fields: Fields): Fields =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));

const day = (f: FieldReader, name: string): string => f.text(name).slice(0, 10);

// ------------------------------------------------------------------------------------------ mappers

export function kpiFields(kpi: Kpi): Fields {
  return {
    Title: kpi.name,
    KpiId: kpi.id,
    PlanId: kpi.planId,
    Definition: kpi.definition,
    Unit: kpi.unit,
    PartLabel: kpi.share?.partLabel ?? null,
    WholeLabel: kpi.share?.wholeLabel ?? null,
    ShareUnit: kpi.share?.unit ?? null,
    Direction: kpi.direction,
    OwnerId: kpi.ownerId,
    Frequency: kpi.frequency,
    Source: kpi.source,
    Theme: kpi.theme,
    BaselineValue: kpi.baseline.value,
    BaselinePart: kpi.baseline.part,
    BaselineWhole: kpi.baseline.whole,
    BaselineDate: dayToField(kpi.baseline.date),
    TargetValue: kpi.target.value,
    TargetDate: dayToField(kpi.target.date),
    KpiStatus: kpi.retired ? 'retired' : 'active',
    Revision: kpi.revision,
    UpdatedBy: kpi.updatedBy,
    UpdatedAt: kpi.updatedAt,
  };
}

export function kpiFromItem(item: StoredItem): Kpi {
  const f = new FieldReader(kpisList, item);
  const partLabel = f.optionalText('PartLabel');
  const wholeLabel = f.optionalText('WholeLabel');
  const shareUnit = f.optionalText('ShareUnit') as ShareBasis['unit'] | null;
  const parts = [partLabel, wholeLabel, shareUnit].filter((v) => v !== null).length;
  if (parts !== 0 && parts !== 3)
    throw new StoredDataError(
      kpisList.displayName,
      item.id,
      'PartLabel',
      'a share needs PartLabel, WholeLabel and ShareUnit',
    );
  return {
    id: f.text('KpiId'),
    planId: f.text('PlanId'),
    name: f.text('Title'),
    definition: f.optionalText('Definition') ?? '',
    unit: f.text('Unit') as Kpi['unit'],
    share: partLabel && wholeLabel && shareUnit ? { partLabel, wholeLabel, unit: shareUnit } : null,
    direction: f.text('Direction') as Kpi['direction'],
    ownerId: f.text('OwnerId'),
    frequency: f.text('Frequency') as Kpi['frequency'],
    source: f.optionalText('Source') ?? '',
    theme: f.optionalNumber('Theme'),
    baseline: {
      value: f.number('BaselineValue'),
      part: f.optionalNumber('BaselinePart'),
      whole: f.optionalNumber('BaselineWhole'),
      date: day(f, 'BaselineDate'),
    },
    target: { value: f.number('TargetValue'), date: day(f, 'TargetDate') },
    retired: f.text('KpiStatus') === 'retired',
    revision: f.number('Revision'),
    updatedBy: f.text('UpdatedBy'),
    updatedAt: f.text('UpdatedAt'),
  };
}

export function valueFields(value: KpiValue): Fields {
  return {
    Title: `${value.kpiId} ${value.periodKey}`,
    ValueKey: valueKey(value.kpiId, value.periodKey),
    PlanId: value.planId,
    KpiId: value.kpiId,
    PeriodKey: value.periodKey,
    AsOf: dayToField(value.asOf),
    Value: value.measurement.value,
    Part: value.measurement.part,
    Whole: value.measurement.whole,
    Commentary: value.commentary,
    RecordedBy: value.recordedBy,
    RecordedAt: value.recordedAt,
    UpdatedBy: value.correctedBy,
    UpdatedAt: value.correctedAt,
  };
}

export function valueFromItem(item: StoredItem): KpiValue {
  const f = new FieldReader(kpiValuesList, item);
  const kpiId = f.text('KpiId');
  const periodKey = f.text('PeriodKey');
  const period = periodFromKey(periodKey);
  if (period === null)
    throw new StoredDataError(
      kpiValuesList.displayName,
      item.id,
      'PeriodKey',
      `"${periodKey}" names no period`,
    );
  if (f.text('ValueKey') !== valueKey(kpiId, periodKey))
    throw new StoredDataError(
      kpiValuesList.displayName,
      item.id,
      'ValueKey',
      'does not match KpiId and PeriodKey',
    );
  return {
    kpiId,
    planId: f.text('PlanId'),
    periodKey,
    asOf: day(f, 'AsOf'),
    measurement: {
      value: f.number('Value'),
      part: f.optionalNumber('Part'),
      whole: f.optionalNumber('Whole'),
    },
    commentary: f.optionalText('Commentary'),
    recordedBy: f.text('RecordedBy'),
    recordedAt: f.text('RecordedAt'),
    correctedBy: f.optionalText('UpdatedBy'),
    correctedAt: f.optionalText('UpdatedAt'),
  };
}

export function milestoneFields(milestone: Milestone): Fields {
  return {
    Title: milestone.title,
    MilestoneId: milestone.id,
    PlanId: milestone.planId,
    OwnerId: milestone.ownerId,
    DueDate: dayToField(milestone.dueDate),
    Theme: milestone.theme,
    MilestoneStatus: milestone.status,
    CompletedOn: dayToField(milestone.completedOn),
    Note: milestone.note,
    Revision: milestone.revision,
    UpdatedBy: milestone.updatedBy,
    UpdatedAt: milestone.updatedAt,
  };
}

export function milestoneFromItem(item: StoredItem): Milestone {
  const f = new FieldReader(milestonesList, item);
  return {
    id: f.text('MilestoneId'),
    planId: f.text('PlanId'),
    title: f.text('Title'),
    ownerId: f.text('OwnerId'),
    dueDate: day(f, 'DueDate'),
    theme: f.optionalNumber('Theme'),
    status: f.text('MilestoneStatus') as Milestone['status'],
    completedOn: f.optionalDay('CompletedOn'),
    note: f.optionalText('Note'),
    revision: f.number('Revision'),
    updatedBy: f.text('UpdatedBy'),
    updatedAt: f.text('UpdatedAt'),
  };
}

const progressDetailsJson = z.object({
  summary: z.string().nullable(),
  stages: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      kind: z.enum(['sign-off', 'endorsement', 'decision']),
      rule: approvalRuleJson,
      approverRoles: z.array(z.string()),
      mandatoryRoles: z.array(z.string()),
      approverIds: z.array(z.string()),
      mandatoryIds: z.array(z.string()),
      delegations: delegationsJson,
      state: z.enum(['waiting', 'open', 'approved', 'changes-requested']),
      round: z.number().int().nonnegative(),
      boundHash: z.string().nullable(),
      boundVersion: z.number().int().nullable(),
      responses: z.array(
        z.object({
          round: z.number().int(),
          approverId: z.string(),
          responderId: z.string(),
          decision: z.enum(['approve', 'request-changes']),
          comment: z.string().nullable(),
          at: z.string(),
          hash: z.string(),
        }),
      ),
      openedAt: z.string().nullable(),
      closedAt: z.string().nullable(),
    }),
  ),
  publication: z
    .object({
      hash: z.string(),
      version: z.number().int(),
      links: z.array(z.object({ label: z.string(), url: z.string() })),
      publishedBy: z.string(),
      publishedAt: z.string(),
    })
    .nullable(),
});

export function progressUpdateFields(update: ProgressUpdate): Fields {
  return {
    Title: `${update.planId} ${update.periodKey}`.slice(0, 255),
    UpdateKey: update.id,
    PlanId: update.planId,
    PeriodKey: update.periodKey,
    UpdateStatus: update.status,
    Version: update.version,
    Hash: update.hash,
    Details: JSON.stringify({
      summary: update.summary,
      stages: update.stages,
      publication: update.publication,
    }),
    Revision: update.revision,
    UpdatedBy: update.updatedBy,
    UpdatedAt: update.updatedAt,
  };
}

export function progressUpdateFromItem(item: StoredItem): ProgressUpdate {
  const f = new FieldReader(progressUpdatesList, item);
  const planId = f.text('PlanId');
  const periodKey = f.text('PeriodKey');
  if (periodFromKey(periodKey) === null || f.text('UpdateKey') !== progressUpdateId(planId, periodKey))
    throw new StoredDataError(
      progressUpdatesList.displayName,
      item.id,
      'UpdateKey',
      'does not match PlanId and PeriodKey',
    );
  const details = f.json('Details', progressDetailsJson);
  return {
    id: f.text('UpdateKey'),
    planId,
    periodKey,
    summary: details.summary,
    status: f.text('UpdateStatus') as ProgressUpdate['status'],
    version: f.number('Version'),
    hash: f.optionalText('Hash'),
    stages: details.stages,
    publication: details.publication,
    revision: f.number('Revision'),
    updatedBy: f.text('UpdatedBy'),
    updatedAt: f.text('UpdatedAt'),
  };
}

// ---------------------------------------------------------------------------------------------- store

export class SharePointKpiStore implements KpiStore, ProgressUpdateStore {
  private readonly updates: ListItems;
  private readonly kpis: ListItems;
  private readonly values: ListItems;
  private readonly milestones: ListItems;

  constructor(
    private readonly client: Client,
    private readonly site: SiteLists,
    private readonly batchOptions: BatchOptions = {},
  ) {
    this.kpis = new ListItems(client, site, kpisList);
    this.values = new ListItems(client, site, kpiValuesList);
    this.milestones = new ListItems(client, site, milestonesList);
    this.updates = new ListItems(client, site, progressUpdatesList);
  }

  private itemsUrl(list: ListSchema): string {
    return `/sites/${this.site.siteId}/lists/${this.site.listIds[list.key]}/items`;
  }

  async forPlan(planId: string): Promise<PlanKpis> {
    if (!ID.test(planId)) return { kpis: [], values: [], milestones: [] };
    const lists = { kpis: kpisList, values: kpiValuesList, milestones: milestonesList };
    const raw: Record<keyof typeof lists, unknown[]> = { kpis: [], values: [], milestones: [] };
    let pending = (Object.keys(lists) as (keyof typeof lists)[]).map((name) => ({
      name,
      url: `${this.itemsUrl(lists[name])}?$expand=fields&$filter=fields/PlanId eq '${planId}'&$top=999`,
    }));
    while (pending.length > 0) {
      const responses = await runBatch(
        this.client,
        pending.map((q) => ({ id: q.name, method: 'GET' as const, url: q.url })),
        this.batchOptions,
      );
      const next: typeof pending = [];
      for (const query of pending) {
        const response = responses.get(query.name)!;
        if (response.status !== 200) throw GraphStoreError.fromBatch(`read ${query.name}`, response);
        const body = response.body as { value?: unknown[]; '@odata.nextLink'?: string };
        raw[query.name].push(...(body.value ?? []));
        const link = body['@odata.nextLink'];
        if (link)
          next.push({
            name: query.name,
            url: graphPathOf(link),
          });
      }
      pending = next;
    }
    const versioned =
      <T>(list: ListSchema, from: (item: StoredItem) => T) =>
      (value: unknown): Versioned<T> => {
        const item = readItem(list, value);
        return { item: from(item), version: versionOf(item) };
      };
    return {
      kpis: raw.kpis.map(versioned(kpisList, kpiFromItem)),
      values: raw.values.map(versioned(kpiValuesList, valueFromItem)),
      milestones: raw.milestones.map(versioned(milestonesList, milestoneFromItem)),
    };
  }

  private async one<T>(
    items: ListItems,
    column: string,
    key: string,
    from: (item: StoredItem) => T,
  ): Promise<Versioned<T> | null> {
    const [item] = await items.where(column, key);
    return item ? { item: from(item), version: versionOf(item) } : null;
  }

  async kpi(kpiId: string): Promise<Versioned<Kpi> | null> {
    return ID.test(kpiId) ? this.one(this.kpis, 'KpiId', kpiId, kpiFromItem) : null;
  }

  async value(kpiId: string, periodKey: string): Promise<Versioned<KpiValue> | null> {
    if (!ID.test(kpiId) || periodFromKey(periodKey) === null) return null;
    return this.one(this.values, 'ValueKey', valueKey(kpiId, periodKey), valueFromItem);
  }

  async milestone(milestoneId: string): Promise<Versioned<Milestone> | null> {
    return ID.test(milestoneId)
      ? this.one(this.milestones, 'MilestoneId', milestoneId, milestoneFromItem)
      : null;
  }

  /** POSTs under the unique key; a taken key (perhaps by this very request before a retry) reads back what is there. */
  private async create<T>(
    list: ListSchema,
    fields: Fields,
    item: T,
    existing: () => Promise<Versioned<T> | null>,
  ): Promise<Created<T>> {
    try {
      const created = (await this.client.api(this.itemsUrl(list)).post({ fields: withoutNulls(fields) })) as {
        id: string;
        eTag: string;
      };
      return { stored: { item, version: versionOf(created) }, created: true };
    } catch (error) {
      if (status(error) !== 409) throw error;
      const found = await existing();
      if (!found)
        throw new Error(`${list.displayName}: the key is taken but no item has it`, { cause: error });
      return { stored: found, created: false };
    }
  }

  async createKpi(kpi: Kpi): Promise<Created<Kpi>> {
    if (!ID.test(kpi.id) || !ID.test(kpi.planId)) throw new Error(`Not a storable KPI id: ${kpi.id}`);
    return this.create(kpisList, kpiFields(kpi), kpi, () => this.kpi(kpi.id));
  }

  async recordValue(value: KpiValue): Promise<Created<KpiValue>> {
    if (!ID.test(value.kpiId) || !ID.test(value.planId))
      throw new Error(`Not a storable KPI id: ${value.kpiId}`);
    return this.create(kpiValuesList, valueFields(value), value, () =>
      this.value(value.kpiId, value.periodKey),
    );
  }

  async createMilestone(milestone: Milestone): Promise<Created<Milestone>> {
    if (!ID.test(milestone.id) || !ID.test(milestone.planId))
      throw new Error(`Not a storable id: ${milestone.id}`);
    return this.create(milestonesList, milestoneFields(milestone), milestone, () =>
      this.milestone(milestone.id),
    );
  }

  private async update<T>(
    items: ListItems,
    what: string,
    stored: Versioned<T>,
    next: T,
    fields: Fields,
  ): Promise<Result<Versioned<T>>> {
    const { id, eTag } = itemRef(stored.version);
    const written = await items.update(id, eTag, fields);
    if (written.ok) return ok({ item: next, version: versionOf({ id, eTag: written.eTag }) });
    const current = (await this.client
      .api(`${this.itemsUrl(items.list)}/${id}`)
      .expand('fields($select=UpdatedBy,UpdatedAt)')
      .get()
      .catch(() => null)) as { fields?: { UpdatedBy?: string; UpdatedAt?: string } } | null;
    const changedBy = current?.fields?.UpdatedBy ?? null;
    const changedAt = current?.fields?.UpdatedAt ?? null;
    return refuse(
      'CONFLICT',
      `${what} was changed${changedBy ? ` by ${changedBy}` : ''}${changedAt ? ` at ${changedAt}` : ''} while you were working. Nothing of yours was overwritten: review the latest version and try again.`,
      { item: id, changedBy, changedAt },
    );
  }

  async updateKpi(stored: Versioned<Kpi>, next: Kpi): Promise<Result<Versioned<Kpi>>> {
    if (next.id !== stored.item.id) throw new Error('updateKpi cannot change a KPI’s id');
    return this.update(this.kpis, `The KPI "${stored.item.name}"`, stored, next, kpiFields(next));
  }

  async correctValue(stored: Versioned<KpiValue>, next: KpiValue): Promise<Result<Versioned<KpiValue>>> {
    if (valueKey(next.kpiId, next.periodKey) !== valueKey(stored.item.kpiId, stored.item.periodKey))
      throw new Error('correctValue cannot move a value to another KPI or period');
    // Who first recorded it stays as it was; the correction is recorded beside it.
    const kept = { ...next, recordedBy: stored.item.recordedBy, recordedAt: stored.item.recordedAt };
    return this.update(this.values, `The value for ${next.periodKey}`, stored, kept, valueFields(kept));
  }

  async updateMilestone(
    stored: Versioned<Milestone>,
    next: Milestone,
  ): Promise<Result<Versioned<Milestone>>> {
    if (next.id !== stored.item.id) throw new Error('updateMilestone cannot change a milestone’s id');
    return this.update(
      this.milestones,
      `The milestone "${stored.item.title}"`,
      stored,
      next,
      milestoneFields(next),
    );
  }

  async progressUpdate(id: string): Promise<Versioned<ProgressUpdate> | null> {
    return ID.test(id) ? this.one(this.updates, 'UpdateKey', id, progressUpdateFromItem) : null;
  }

  async progressUpdates(planId: string): Promise<readonly Versioned<ProgressUpdate>[]> {
    if (!ID.test(planId)) return [];
    return (await this.updates.where('PlanId', planId)).map((item) => ({
      item: progressUpdateFromItem(item),
      version: versionOf(item),
    }));
  }

  async createProgressUpdate(update: ProgressUpdate): Promise<Created<ProgressUpdate>> {
    if (!ID.test(update.id) || !ID.test(update.planId)) throw new Error(`Not a storable id: ${update.id}`);
    return this.create(progressUpdatesList, progressUpdateFields(update), update, () =>
      this.progressUpdate(update.id),
    );
  }

  async updateProgressUpdate(
    stored: Versioned<ProgressUpdate>,
    next: ProgressUpdate,
  ): Promise<Result<Versioned<ProgressUpdate>>> {
    if (next.id !== stored.item.id) throw new Error('updateProgressUpdate cannot change an update’s id');
    return this.update(
      this.updates,
      `The progress update for ${next.periodKey}`,
      stored,
      next,
      progressUpdateFields(next),
    );
  }
}
