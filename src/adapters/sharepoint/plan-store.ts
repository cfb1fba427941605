/**
 * PlanStore on SharePoint lists. A plan loads in one $batch round trip (more only if a list pages);
 * a save sends only what changed, every update with If-Match and every create with a unique key, in one
 * $batch. A 412 or a unique-key clash is someone else's change: the store reports who and when, and the
 * caller reloads and decides again. Whatever a partly applied save left is re-derived by reconcile().
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { canonicalJson } from '../../domain/support/canonical-json.js';
import type { AuditEntry } from '../../domain/plan/events.js';
import type { PersonId, Plan } from '../../domain/plan/plan.js';
import { ok, refuse, type Result } from '../../domain/support/result.js';
import type { PlanStore, PlanSummary, StoredPlan } from '../../ports/plan-store.js';
import type { Version } from '../../ports/versioned.js';
import { conflict } from './conflict.js';
import type { BatchOptions } from './graph-batch.js';
import { GraphLists, type Fields, type ItemRef, type ListWrite } from './graph-lists.js';
import {
  auditList,
  plansList,
  responsesList,
  sectionsList,
  stagesList,
  type ListSchema,
} from './list-schema.js';
import {
  auditFields,
  auditFromItem,
  planFields,
  planFromItems,
  responseFields,
  responseItemKey,
  sectionFields,
  stageFields,
  type PlanItems,
} from './plan-mapper.js';
import type { SiteLists } from './site.js';
import type { StoredItem } from './stored-item.js';

/** The items a plan's version names: what its next save writes over, with If-Match. */
interface PlanRefs {
  readonly plan: ItemRef;
  readonly sections: ReadonlyMap<string, ItemRef>;
  readonly stages: ReadonlyMap<string, ItemRef>;
  readonly responses: ReadonlySet<string>;
}

const versionOfPlan = (refs: PlanRefs): Version => refs as unknown as Version;

function refsOf(version: Version): PlanRefs {
  const refs = version as unknown as Partial<PlanRefs> | null;
  if (!refs?.plan || !(refs.sections instanceof Map) || !(refs.responses instanceof Set))
    throw new TypeError('Not a plan version this SharePoint store made');
  return refs as PlanRefs;
}

/** Plan ids are ours (UUIDs); anything else cannot name a plan and must not reach a $filter. */
export const PLAN_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/** The plan its items hold, with their eTags as its version. */
export function storedPlanOf(items: PlanItems): StoredPlan {
  const keyed = (list: readonly StoredItem[], column: string): Map<string, ItemRef> =>
    new Map(list.map((item) => [String(item.fields[column]), { id: item.id, eTag: item.eTag }]));
  return {
    plan: planFromItems(items),
    token: versionOfPlan({
      plan: { id: items.plan.id, eTag: items.plan.eTag },
      sections: keyed(items.sections, 'SectionKey'),
      stages: keyed(items.stages, 'StageKey'),
      responses: new Set(items.responses.map((item) => String(item.fields['ResponseKey']))),
    }),
  };
}

/** Archived or deleted, as the plan's details say (read leniently: a list never fails on one item). */
function lifecycleOf(item: StoredItem): 'archived' | 'deleted' | null {
  try {
    const state = (JSON.parse(String(item.fields['Details'] ?? '{}')) as { lifecycle?: { state?: unknown } })
      .lifecycle?.state;
    return state === 'archived' || state === 'deleted' ? state : null;
  } catch {
    return null;
  }
}

/** The plans a list shows: never deleted ones, archived ones only when asked. */
export function listed(
  items: readonly StoredItem[],
  options: { readonly includeArchived?: boolean },
): PlanSummary[] {
  return items
    .filter((item) => {
      const state = lifecycleOf(item);
      return state === null || (state === 'archived' && options.includeArchived === true);
    })
    .map(summaryOf);
}

export function summaryOf(item: StoredItem): PlanSummary {
  const f = item.fields;
  return {
    ...(lifecycleOf(item) === 'archived' ? { archived: true as const } : {}),
    id: String(f['PlanId']),
    title: String(f['Title']),
    council: String(f['Council']),
    status: f['Status'] as PlanSummary['status'],
    leadId: String(f['LeadId']),
    contentVersion: Number(f['ContentVersion']),
  };
}

/** A plan item as a save left it: the plan's own lists only (audit entries are not part of a plan). */
export interface WrittenItem {
  readonly list: ListSchema;
  readonly item: StoredItem;
}

/** An item a save deleted (a section or stage a format change left behind). */
export interface DeletedItem {
  readonly list: ListSchema;
  readonly id: string;
}

type Kind = 'plan' | 'section' | 'stage' | 'response' | 'audit';
interface Write {
  readonly kind: Kind;
  readonly key: string;
  readonly write: ListWrite;
}

function changedFields(before: Fields, after: Fields): Fields | null {
  const changed: Fields = {};
  for (const [name, value] of Object.entries(after)) {
    if (name === 'EditedBy') continue;
    if (canonicalJson(before[name] ?? null) !== canonicalJson(value)) changed[name] = value;
  }
  return Object.keys(changed).length === 0 ? null : changed;
}

const planQueries = (planId: string) => {
  const where = { column: 'PlanId', value: planId };
  return {
    plan: { list: plansList, where },
    sections: { list: sectionsList, where },
    stages: { list: stagesList, where },
    responses: { list: responsesList, where },
  };
};

export class SharePointPlanStore implements PlanStore {
  readonly lists: GraphLists;

  constructor(client: Client, site: SiteLists, batchOptions: BatchOptions = {}) {
    this.lists = new GraphLists(client, site, batchOptions);
  }

  /** A plan's items from its four lists, in one round trip; null if there is no such plan. */
  async loadItems(planId: string): Promise<PlanItems | null> {
    if (!PLAN_ID.test(planId)) return null;
    const raw = await this.lists.readAll(planQueries(planId));
    const plan = raw.plan[0];
    if (plan === undefined) return null;
    return { plan, sections: raw.sections, stages: raw.stages, responses: raw.responses };
  }

  async load(planId: string): Promise<Result<StoredPlan>> {
    const items = await this.loadItems(planId);
    if (items === null) return refuse('NOT_FOUND', `There is no plan "${planId}".`);
    return ok(storedPlanOf(items));
  }

  /** Every load reads SharePoint: it is always current. */
  refresh(planId: string): Promise<Result<StoredPlan>> {
    return this.load(planId);
  }

  recent(planId: string): Promise<Result<StoredPlan>> {
    return this.load(planId);
  }

  async create(plan: Plan, audit: AuditEntry): Promise<Result<StoredPlan>> {
    const created = await this.createItems(plan, audit);
    return created.ok ? ok(storedPlanOf(created.value)) : created;
  }

  /** create(), giving the plan's items as stored. */
  async createItems(plan: Plan, audit: AuditEntry): Promise<Result<PlanItems>> {
    if (!PLAN_ID.test(plan.id)) return refuse('VALIDATION', 'A plan id is letters, digits and dashes.');
    // Children first: until its plan item exists a plan cannot be loaded or listed, so a create cut
    // short leaves nothing visible, and repeating it fills in what is missing.
    await this.expectCreated([
      ...plan.sections.map((section, i): ListWrite => ({
        op: 'create',
        list: sectionsList,
        fields: sectionFields(plan, section, i, plan.createdBy),
      })),
      ...plan.stages.map((stage, i): ListWrite => ({
        op: 'create',
        list: stagesList,
        fields: stageFields(plan, stage, i, plan.createdBy),
      })),
    ]);
    await this.expectCreated([
      { op: 'create', list: plansList, fields: planFields(plan, plan.createdBy) },
      { op: 'create', list: auditList, fields: auditFields(audit, this.auditKey(audit)) },
    ]);
    const items = await this.loadItems(plan.id);
    if (items === null) throw new Error(`The plan ${plan.id} was created but cannot be read back`);
    return ok(items);
  }

  /** Creates that may already have been made by an earlier attempt (their key is then taken). */
  private async expectCreated(writes: readonly ListWrite[]): Promise<void> {
    await this.lists.writeAll(writes);
  }

  private auditKey(entry: AuditEntry): string {
    return `${entry.planId}/${createHash('sha256').update(canonicalJson(entry)).digest('hex').slice(0, 40)}`;
  }

  async save(
    stored: StoredPlan,
    next: Plan,
    audit: readonly AuditEntry[],
    editedBy: PersonId,
  ): Promise<Result<StoredPlan>> {
    const saved = await this.saveItems(stored, next, audit, editedBy);
    return saved.ok ? ok(saved.value.stored) : saved;
  }

  /** save(), also giving the plan's items as written, for a cache to keep. */
  async saveItems(
    stored: StoredPlan,
    next: Plan,
    audit: readonly AuditEntry[],
    editedBy: PersonId,
  ): Promise<
    Result<{ stored: StoredPlan; written: readonly WrittenItem[]; deleted: readonly DeletedItem[] }>
  > {
    const refs = refsOf(stored.token);
    const before = stored.plan;
    const writes: Write[] = [];
    // Marks every item this save writes, so that if an answer is lost and a write sent again is refused,
    // the store can tell its own earlier write from someone else's.
    const writeKey = randomUUID();
    const patch = (kind: Kind, key: string, list: ListSchema, ref: ItemRef, fields: Fields): void => {
      writes.push({
        kind,
        key,
        write: { op: 'update', list, ref, fields: { ...fields, EditedBy: editedBy, WriteKey: writeKey } },
      });
    };

    for (const stage of next.stages) {
      for (const response of stage.responses) {
        const key = responseItemKey(next.id, response, stage.key);
        if (refs.responses.has(key)) continue;
        writes.push({
          kind: 'response',
          key,
          write: {
            op: 'create',
            list: responsesList,
            fields: { ...responseFields(next, stage.key, response), WriteKey: writeKey },
          },
        });
      }
    }
    // Sections and stages a format change adds or leaves behind. The plan item names its items, so a save
    // cut short shows nothing of the new format until the plan item itself is written. First every item to
    // be left behind is touched with If-Match: if someone wrote in one since it was read, that is a conflict
    // and nothing visible has changed; once touched, no edit begun before can land on it unseen. Then the
    // kept items, then the new ones (an item left behind earlier under the same key is written over), then
    // the plan item; the items left behind are deleted after the save, as clean-up.
    const removed: Write[] = [];
    for (const section of before.sections) {
      const key = section.definition.key;
      const ref = refs.sections.get(key);
      if (ref && !next.sections.some((s) => s.definition.key === key))
        removed.push({ kind: 'section', key, write: { op: 'delete', list: sectionsList, ref } });
    }
    for (const stage of before.stages) {
      const ref = refs.stages.get(stage.key);
      if (!ref || next.stages.some((s) => s.key === stage.key)) continue;
      if (stage.responses.length > 0) throw new Error(`Stage ${stage.key} has responses and cannot go`);
      removed.push({ kind: 'stage', key: stage.key, write: { op: 'delete', list: stagesList, ref } });
    }
    for (const r of removed) if (r.write.op === 'delete') patch(r.kind, r.key, r.write.list, r.write.ref, {});
    const creates: Write[] = [];
    const create = (kind: 'section' | 'stage', key: string, list: ListSchema, fields: Fields): void => {
      creates.push({ kind, key, write: { op: 'create', list, fields: { ...fields, WriteKey: writeKey } } });
    };
    next.sections.forEach((section, i) => {
      const key = section.definition.key;
      const previous = before.sections.find((s) => s.definition.key === key);
      const ref = refs.sections.get(key);
      if (!previous && !ref)
        return create('section', key, sectionsList, sectionFields(next, section, i, editedBy));
      if (!previous && ref)
        return patch('section', key, sectionsList, ref, sectionFields(next, section, i, ''));
      if (!previous || !ref) throw new Error(`Section ${key} is not stored`);
      // Plans are immutable: a section the change did not touch is the very same object.
      if (previous === section && before.sections[i] === section) return;
      const changed = changedFields(
        sectionFields(before, previous, before.sections.indexOf(previous), ''),
        sectionFields(next, section, i, ''),
      );
      if (changed) patch('section', key, sectionsList, ref, changed);
    });
    next.stages.forEach((stage, i) => {
      const previous = before.stages.find((s) => s.key === stage.key);
      const ref = refs.stages.get(stage.key);
      if (!previous && !ref)
        return create('stage', stage.key, stagesList, stageFields(next, stage, i, editedBy));
      if (!previous && ref)
        return patch('stage', stage.key, stagesList, ref, stageFields(next, stage, i, ''));
      if (!previous || !ref) throw new Error(`Stage ${stage.key} is not stored`);
      if (previous === stage && before.stages[i] === stage) return;
      const changed = changedFields(
        stageFields(before, previous, before.stages.indexOf(previous), ''),
        stageFields(next, stage, i, ''),
      );
      if (changed) patch('stage', stage.key, stagesList, ref, changed);
    });
    writes.push(...creates);
    const planChanged = changedFields(planFields(before, ''), planFields(next, ''));
    if (planChanged) patch('plan', next.id, plansList, refs.plan, planChanged);
    for (const entry of audit) {
      const key = this.auditKey(entry);
      writes.push({
        kind: 'audit',
        key,
        write: { op: 'create', list: auditList, fields: auditFields(entry, key) },
      });
    }
    if (writes.length === 0) return ok({ stored, written: [], deleted: [] });

    const sections = new Map(refs.sections);
    const stages = new Map(refs.stages);
    const responseKeys = new Set(refs.responses);
    let planRef = refs.plan;
    const written: WrittenItem[] = [];
    const deleted: DeletedItem[] = [];
    const landed = (w: Write, item: StoredItem | null): void => {
      if (item === null) {
        if (w.write.op !== 'delete') throw new Error(`A ${w.write.op} answered no item`);
        if (w.kind === 'section') sections.delete(w.key);
        if (w.kind === 'stage') stages.delete(w.key);
        deleted.push({ list: w.write.list, id: w.write.ref.id });
        return;
      }
      const ref = { id: item.id, eTag: item.eTag };
      if (w.kind === 'plan') planRef = ref;
      if (w.kind === 'section') sections.set(w.key, ref);
      if (w.kind === 'stage') stages.set(w.key, ref);
      if (w.kind === 'response') responseKeys.add(w.key);
      if (w.kind !== 'audit') written.push({ list: w.write.list, item });
    };
    // One chain: nothing after a refused write is written, so the audit entry (last) records only a
    // change that was made. A write refused because this very save already made it (its answer was lost
    // and the request sent again) carries this save's WriteKey: it counts as made, and the chain goes on.
    let pending = writes;
    while (pending.length > 0) {
      const outcomes = await this.lists.writeAll(
        pending.map((w) => w.write),
        { chained: true },
      );
      let resume: Write[] = [];
      for (let i = 0; i < pending.length; i++) {
        const w = pending[i]!;
        const outcome = outcomes[i]!;
        if (outcome.ok) {
          landed(w, outcome.item);
          continue;
        }
        // An audit entry already there was written by an earlier attempt of this same save.
        if (w.kind === 'audit' && outcome.reason === 'exists') continue;
        if (outcome.reason === 'not-run') break;
        const current = await this.current(w);
        if (current !== null && current.fields['WriteKey'] === writeKey) {
          landed(w, current);
          resume = pending.slice(i + 1);
          break;
        }
        return this.conflict(w, current);
      }
      pending = resume;
    }
    // Clean-up: the items left behind, as touched above. One someone wrote in since (412) is kept.
    const cleanup = removed.flatMap((r): Write[] => {
      const ref = (r.kind === 'section' ? sections : stages).get(r.key);
      return ref ? [{ ...r, write: { op: 'delete', list: r.write.list, ref } }] : [];
    });
    const outcomes = await this.lists.writeAll(cleanup.map((w) => w.write));
    cleanup.forEach((w, i) => {
      if (outcomes[i]!.ok) landed(w, null);
    });
    return ok({
      stored: {
        plan: next,
        token: versionOfPlan({ plan: planRef, sections, stages, responses: responseKeys }),
      },
      written,
      deleted,
    });
  }

  /** The item a refused write was meant for, as it is now (null if there is none). */
  private async current(w: Write): Promise<StoredItem | null> {
    if (w.write.op !== 'create') return this.lists.get(w.write.list, w.write.ref.id);
    if (w.kind === 'response') return this.lists.byKey(responsesList, w.key);
    if (w.kind === 'section' || w.kind === 'stage')
      return this.lists.byKey(w.write.list, `${this.planOf(w)}/${w.key}`);
    return null;
  }

  private planOf(w: Write): string {
    return String(w.write.op === 'create' ? w.write.fields['PlanId'] : '');
  }

  /** Names who changed the item and when, so people see more than "try again". */
  private conflict(w: Write, current: StoredItem | null): Result<never> {
    if (w.write.op === 'create' && w.kind === 'response') {
      return refuse('CONFLICT', `Someone else answered for this approver at the same moment.`, {
        item: w.key,
      });
    }
    if (w.write.op === 'create') {
      return refuse('CONFLICT', `Someone else changed this plan's report format at the same moment.`, {
        item: w.key,
        kind: w.kind,
      });
    }
    const text = (value: unknown): string | null =>
      typeof value === 'string' && value !== '' ? value : null;
    return conflict(
      `the ${w.kind} ${w.key}`,
      { changedBy: text(current?.fields['EditedBy']), changedAt: text(current?.lastModifiedDateTime) },
      { item: w.key, kind: w.kind },
    );
  }

  async list(options: { readonly includeArchived?: boolean } = {}): Promise<readonly PlanSummary[]> {
    return listed(await this.lists.query({ list: plansList }), options);
  }

  async auditLog(planId: string): Promise<readonly AuditEntry[]> {
    if (!PLAN_ID.test(planId)) return [];
    const entries = await this.lists.query({ list: auditList, where: { column: 'PlanId', value: planId } });
    // Entries within one second keep the order they were written in (item ids grow).
    return entries
      .sort(
        (a, b) => String(a.fields['At']).localeCompare(String(b.fields['At'])) || Number(a.id) - Number(b.id),
      )
      .map(auditFromItem);
  }
}
