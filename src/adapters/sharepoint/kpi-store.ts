/**
 * KpiStore on the `PB KPIs`, `PB KPI values` and `PB Milestones` lists. A plan's KPIs, values and
 * milestones load in one $batch round trip. Each item is created under its unique key (`KpiId`,
 * `ValueKey` = KPI and period, `MilestoneId`), so a repeated click or a retried POST finds the item the
 * first attempt made instead of making another; updates carry If-Match, and a 412 becomes a CONFLICT
 * naming who changed the item and when. Every item read is checked against its list's columns and
 * against the domain's rules for what a KPI or value can be.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { Kpi, KpiValue, ShareBasis } from '../../domain/kpis/kpi.js';
import { valueKey } from '../../domain/kpis/kpi.js';
import { periodFromKey } from '../../domain/kpis/periods.js';
import type { Milestone } from '../../domain/kpis/milestone.js';
import { progressUpdateId, type ProgressUpdate } from '../../domain/kpis/progress-update.js';
import type { Result } from '../../domain/support/result.js';
import type { Created, KpiStore, PlanKpis, ProgressUpdateStore, Versioned } from '../../ports/kpi-store.js';
import type { BatchOptions } from './graph-batch.js';
import { GraphLists, type Fields } from './graph-lists.js';
import { kpisList, kpiValuesList, milestonesList, progressUpdatesList } from './list-schema.js';
import { ListRepository, type ListMapper } from './list-repository.js';
import type { SiteLists } from './site.js';
import { dayToField, FieldReader, StoredDataError, type StoredItem } from './stored-item.js';
import { approvalRuleJson, delegationsJson } from './stored-json.js';

/** Our ids are UUIDs or slugs; anything else cannot name an item and must not reach a $filter. */
const ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
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

/** Every KPI list records who changed an item last, and when, in its own columns. */
const changedBy = { by: 'UpdatedBy', at: 'UpdatedAt' } as const;

export const kpiMapper: ListMapper<Kpi> = { list: kpisList, changedBy, fields: kpiFields, read: kpiFromItem };
export const valueMapper: ListMapper<KpiValue> = {
  list: kpiValuesList,
  changedBy,
  fields: valueFields,
  read: valueFromItem,
};
export const milestoneMapper: ListMapper<Milestone> = {
  list: milestonesList,
  changedBy,
  fields: milestoneFields,
  read: milestoneFromItem,
};
export const progressUpdateMapper: ListMapper<ProgressUpdate> = {
  list: progressUpdatesList,
  changedBy,
  fields: progressUpdateFields,
  read: progressUpdateFromItem,
};

export class SharePointKpiStore implements KpiStore, ProgressUpdateStore {
  readonly lists: GraphLists;
  private readonly kpis: ListRepository<Kpi>;
  private readonly values: ListRepository<KpiValue>;
  private readonly milestones: ListRepository<Milestone>;
  private readonly updates: ListRepository<ProgressUpdate>;

  constructor(client: Client, site: SiteLists, batchOptions: BatchOptions = {}) {
    this.lists = new GraphLists(client, site, batchOptions);
    this.kpis = new ListRepository(this.lists, kpiMapper);
    this.values = new ListRepository(this.lists, valueMapper);
    this.milestones = new ListRepository(this.lists, milestoneMapper);
    this.updates = new ListRepository(this.lists, progressUpdateMapper);
  }

  async forPlan(planId: string): Promise<PlanKpis> {
    if (!ID.test(planId)) return { kpis: [], values: [], milestones: [] };
    const where = { column: 'PlanId', value: planId };
    const raw = await this.lists.readAll({
      kpis: { list: kpisList, where },
      values: { list: kpiValuesList, where },
      milestones: { list: milestonesList, where },
    });
    return {
      kpis: raw.kpis.map((item) => this.kpis.versioned(item)),
      values: raw.values.map((item) => this.values.versioned(item)),
      milestones: raw.milestones.map((item) => this.milestones.versioned(item)),
    };
  }

  async kpi(kpiId: string): Promise<Versioned<Kpi> | null> {
    return ID.test(kpiId) ? this.kpis.get(kpiId) : null;
  }

  async value(kpiId: string, periodKey: string): Promise<Versioned<KpiValue> | null> {
    if (!ID.test(kpiId) || periodFromKey(periodKey) === null) return null;
    return this.values.get(valueKey(kpiId, periodKey));
  }

  async milestone(milestoneId: string): Promise<Versioned<Milestone> | null> {
    return ID.test(milestoneId) ? this.milestones.get(milestoneId) : null;
  }

  async createKpi(kpi: Kpi): Promise<Created<Kpi>> {
    if (!ID.test(kpi.id) || !ID.test(kpi.planId)) throw new Error(`Not a storable KPI id: ${kpi.id}`);
    return this.kpis.create(kpi);
  }

  async recordValue(value: KpiValue): Promise<Created<KpiValue>> {
    if (!ID.test(value.kpiId) || !ID.test(value.planId))
      throw new Error(`Not a storable KPI id: ${value.kpiId}`);
    return this.values.create(value);
  }

  async createMilestone(milestone: Milestone): Promise<Created<Milestone>> {
    if (!ID.test(milestone.id) || !ID.test(milestone.planId))
      throw new Error(`Not a storable id: ${milestone.id}`);
    return this.milestones.create(milestone);
  }

  async updateKpi(stored: Versioned<Kpi>, next: Kpi): Promise<Result<Versioned<Kpi>>> {
    if (next.id !== stored.item.id) throw new Error('updateKpi cannot change a KPI’s id');
    return this.kpis.update(stored, next, `The KPI "${stored.item.name}"`);
  }

  async correctValue(stored: Versioned<KpiValue>, next: KpiValue): Promise<Result<Versioned<KpiValue>>> {
    if (valueKey(next.kpiId, next.periodKey) !== valueKey(stored.item.kpiId, stored.item.periodKey))
      throw new Error('correctValue cannot move a value to another KPI or period');
    // Who first recorded it stays as it was; the correction is recorded beside it.
    const kept = { ...next, recordedBy: stored.item.recordedBy, recordedAt: stored.item.recordedAt };
    return this.values.update(stored, kept, `The value for ${next.periodKey}`);
  }

  async updateMilestone(
    stored: Versioned<Milestone>,
    next: Milestone,
  ): Promise<Result<Versioned<Milestone>>> {
    if (next.id !== stored.item.id) throw new Error('updateMilestone cannot change a milestone’s id');
    return this.milestones.update(stored, next, `The milestone "${stored.item.title}"`);
  }

  async progressUpdate(id: string): Promise<Versioned<ProgressUpdate> | null> {
    return ID.test(id) ? this.updates.get(id) : null;
  }

  async progressUpdates(planId: string): Promise<readonly Versioned<ProgressUpdate>[]> {
    if (!ID.test(planId)) return [];
    return this.updates.where('PlanId', planId);
  }

  async createProgressUpdate(update: ProgressUpdate): Promise<Created<ProgressUpdate>> {
    if (!ID.test(update.id) || !ID.test(update.planId)) throw new Error(`Not a storable id: ${update.id}`);
    return this.updates.create(update);
  }

  async updateProgressUpdate(
    stored: Versioned<ProgressUpdate>,
    next: ProgressUpdate,
  ): Promise<Result<Versioned<ProgressUpdate>>> {
    if (next.id !== stored.item.id) throw new Error('updateProgressUpdate cannot change an update’s id');
    return this.updates.update(stored, next, `The progress update for ${next.periodKey}`);
  }
}
