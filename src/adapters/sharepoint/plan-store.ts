/**
 * PlanStore on SharePoint lists. A plan loads in one $batch round trip (more only if a list pages);
 * a save sends only what changed, every update with If-Match and every create with a unique key, in one
 * $batch. A 412 or a unique-key clash is someone else's change: the store reports who and when, and the
 * caller reloads and decides again. Whatever a partly applied save left is re-derived by reconcile().
 */
import { createHash } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { canonicalJson } from '../../domain/canonical-json.js';
import type { AuditEntry } from '../../domain/events.js';
import type { PersonId, Plan } from '../../domain/plan.js';
import { ok, refuse, type Result } from '../../domain/result.js';
import type { PlanStore, PlanSummary, PlanVersionToken, StoredPlan } from '../../ports/plan-store.js';
import { runBatch, type BatchOptions, type BatchRequest, type BatchResponse } from './graph-batch.js';
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
  type Fields,
} from './plan-mapper.js';
import { graphPathOf } from './graph-link.js';
import type { SiteLists } from './site.js';
import { readItem, type StoredItem } from './stored-item.js';
import { GraphStoreError } from './store-errors.js';

interface ItemRef {
  readonly id: string;
  readonly eTag: string;
}

interface Token {
  readonly plan: ItemRef;
  readonly sections: ReadonlyMap<string, ItemRef>;
  readonly stages: ReadonlyMap<string, ItemRef>;
  readonly responses: ReadonlySet<string>;
}

const toToken = (token: Token): PlanVersionToken => token as unknown as PlanVersionToken;
const fromToken = (token: PlanVersionToken): Token => token as unknown as Token;

/** Plan ids are ours (UUIDs); anything else cannot name a plan and must not reach a $filter. */
const PLAN_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

type Write = BatchRequest & {
  readonly kind: 'plan' | 'section' | 'stage' | 'response' | 'audit';
  readonly key: string;
};

function changedFields(before: Fields, after: Fields): Fields | null {
  const changed: Fields = {};
  for (const [name, value] of Object.entries(after)) {
    if (name === 'EditedBy') continue;
    if (canonicalJson(before[name] ?? null) !== canonicalJson(value)) changed[name] = value;
  }
  return Object.keys(changed).length === 0 ? null : changed;
}

export class SharePointPlanStore implements PlanStore {
  constructor(
    private readonly client: Client,
    private readonly site: SiteLists,
    private readonly batchOptions: BatchOptions = {},
  ) {}

  private itemsUrl(list: ListSchema): string {
    return `/sites/${this.site.siteId}/lists/${this.site.listIds[list.key]}/items`;
  }

  private byPlan(list: ListSchema, planId: string): string {
    return `${this.itemsUrl(list)}?$expand=fields&$filter=fields/PlanId eq '${planId}'&$top=999`;
  }

  /** GETs in one batch, following every nextLink (in further batches) to the end. */
  private async fetchAll(queries: Readonly<Record<string, string>>): Promise<Record<string, unknown[]>> {
    const values: Record<string, unknown[]> = Object.fromEntries(
      Object.keys(queries).map((name) => [name, []]),
    );
    let pending = Object.entries(queries).map(([name, url]) => ({ name, url }));
    while (pending.length > 0) {
      const responses = await runBatch(
        this.client,
        pending.map((q): BatchRequest => ({ id: q.name, method: 'GET', url: q.url })),
        this.batchOptions,
      );
      const next: { name: string; url: string }[] = [];
      for (const query of pending) {
        const response = responses.get(query.name)!;
        if (response.status !== 200) throw GraphStoreError.fromBatch(`read ${query.name}`, response);
        const body = response.body as { value?: unknown[]; '@odata.nextLink'?: string };
        values[query.name]!.push(...(body.value ?? []));
        const link = body['@odata.nextLink'];
        if (link)
          next.push({
            name: query.name,
            url: graphPathOf(link),
          });
      }
      pending = next;
    }
    return values;
  }

  async load(planId: string): Promise<Result<StoredPlan>> {
    if (!PLAN_ID.test(planId)) return refuse('NOT_FOUND', `There is no plan "${planId}".`);
    const raw = await this.fetchAll({
      plan: this.byPlan(plansList, planId),
      sections: this.byPlan(sectionsList, planId),
      stages: this.byPlan(stagesList, planId),
      responses: this.byPlan(responsesList, planId),
    });
    const planItem = raw['plan']![0];
    if (planItem === undefined) return refuse('NOT_FOUND', `There is no plan "${planId}".`);
    const items = {
      plan: readItem(plansList, planItem),
      sections: raw['sections']!.map((item) => readItem(sectionsList, item)),
      stages: raw['stages']!.map((item) => readItem(stagesList, item)),
      responses: raw['responses']!.map((item) => readItem(responsesList, item)),
    };
    const plan = planFromItems(items);
    const keyed = (list: readonly StoredItem[], column: string): Map<string, ItemRef> =>
      new Map(list.map((item) => [String(item.fields[column]), { id: item.id, eTag: item.eTag }]));
    return ok({
      plan,
      token: toToken({
        plan: { id: items.plan.id, eTag: items.plan.eTag },
        sections: keyed(items.sections, 'SectionKey'),
        stages: keyed(items.stages, 'StageKey'),
        responses: new Set(items.responses.map((item) => String(item.fields['ResponseKey']))),
      }),
    });
  }

  async create(plan: Plan, audit: AuditEntry): Promise<Result<StoredPlan>> {
    if (!PLAN_ID.test(plan.id)) return refuse('VALIDATION', 'A plan id is letters, digits and dashes.');
    // Children first: until its plan item exists a plan cannot be loaded or listed, so a create cut
    // short leaves nothing visible, and repeating it fills in what is missing.
    const children: BatchRequest[] = [
      ...plan.sections.map((section, i) =>
        this.createRequest(sectionsList, `section-${i}`, sectionFields(plan, section, i, plan.createdBy)),
      ),
      ...plan.stages.map((stage, i) =>
        this.createRequest(stagesList, `stage-${i}`, stageFields(plan, stage, i, plan.createdBy)),
      ),
    ];
    await this.expectCreated(children);
    await this.expectCreated([
      this.createRequest(plansList, 'plan', planFields(plan, plan.createdBy)),
      this.createRequest(auditList, 'audit', auditFields(audit, this.auditKey(audit))),
    ]);
    return this.load(plan.id);
  }

  private createRequest(list: ListSchema, id: string, fields: Fields): BatchRequest {
    return { id, method: 'POST', url: this.itemsUrl(list), body: { fields: withoutNulls(fields) } };
  }

  private async expectCreated(requests: readonly BatchRequest[]): Promise<void> {
    if (requests.length === 0) return;
    const responses = await runBatch(this.client, requests, this.batchOptions);
    for (const response of responses.values()) {
      // 409: the unique key is taken because an earlier attempt already created this item.
      if (response.status !== 201 && response.status !== 409)
        throw GraphStoreError.fromBatch('create', response);
    }
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
    const token = fromToken(stored.token);
    const before = stored.plan;
    const writes: Write[] = [];
    const patch = (
      kind: Write['kind'],
      key: string,
      list: ListSchema,
      ref: ItemRef,
      fields: Fields,
    ): void => {
      writes.push({
        kind,
        key,
        id: `${kind}-${writes.length}`,
        method: 'PATCH',
        url: `${this.itemsUrl(list)}/${ref.id}/fields`,
        headers: { 'If-Match': ref.eTag },
        body: { ...fields, EditedBy: editedBy },
      });
    };

    for (const stage of next.stages) {
      for (const response of stage.responses) {
        const key = responseItemKey(next.id, response, stage.key);
        if (token.responses.has(key)) continue;
        writes.push({
          kind: 'response',
          key,
          ...this.createRequest(
            responsesList,
            `response-${writes.length}`,
            responseFields(next, stage.key, response),
          ),
        });
      }
    }
    next.sections.forEach((section, i) => {
      const previous = before.sections.find((s) => s.definition.key === section.definition.key);
      const ref = token.sections.get(section.definition.key);
      if (!previous || !ref)
        throw new Error(
          `Section ${section.definition.key} is not stored; sections are fixed when a plan is created`,
        );
      const changed = changedFields(
        sectionFields(before, previous, i, ''),
        sectionFields(next, section, i, ''),
      );
      if (changed) patch('section', section.definition.key, sectionsList, ref, changed);
    });
    next.stages.forEach((stage, i) => {
      const previous = before.stages.find((s) => s.key === stage.key);
      const ref = token.stages.get(stage.key);
      if (!previous || !ref)
        throw new Error(`Stage ${stage.key} is not stored; stages are fixed when a plan is created`);
      const changed = changedFields(stageFields(before, previous, i, ''), stageFields(next, stage, i, ''));
      if (changed) patch('stage', stage.key, stagesList, ref, changed);
    });
    const planChanged = changedFields(planFields(before, ''), planFields(next, ''));
    if (planChanged) patch('plan', next.id, plansList, token.plan, planChanged);
    for (const entry of audit) {
      const key = this.auditKey(entry);
      writes.push({
        kind: 'audit',
        key,
        ...this.createRequest(auditList, `audit-${writes.length}`, auditFields(entry, key)),
      });
    }
    if (writes.length === 0) return ok(stored);

    const responses = await runBatch(this.client, writes, this.batchOptions);
    const sections = new Map(token.sections);
    const stages = new Map(token.stages);
    const responseKeys = new Set(token.responses);
    let planRef = token.plan;
    const conflicts: { write: Write; response: BatchResponse }[] = [];
    for (const write of writes) {
      const response = responses.get(write.id)!;
      if (write.method === 'PATCH' && response.status === 200) {
        const eTag = (response.body as { '@odata.etag'?: string })['@odata.etag'];
        if (typeof eTag !== 'string') throw GraphStoreError.fromBatch('read the new eTag', response);
        if (write.kind === 'plan') planRef = { ...planRef, eTag };
        if (write.kind === 'section') sections.set(write.key, { ...sections.get(write.key)!, eTag });
        if (write.kind === 'stage') stages.set(write.key, { ...stages.get(write.key)!, eTag });
      } else if (write.method === 'POST' && response.status === 201) {
        if (write.kind === 'response') responseKeys.add(write.key);
      } else if (write.kind === 'audit' && response.status === 409) {
        // Written by an earlier attempt of this same save.
      } else if (response.status === 412 || response.status === 409 || response.status === 404) {
        conflicts.push({ write, response });
      } else {
        throw GraphStoreError.fromBatch(`save ${write.kind} ${write.key}`, response);
      }
    }
    if (conflicts.length > 0) return this.conflict(conflicts[0]!.write);
    return ok({
      plan: next,
      token: toToken({ plan: planRef, sections, stages, responses: responseKeys }),
    });
  }

  /** Names who changed the item and when, so people see more than "try again". */
  private async conflict(write: Write): Promise<Result<never>> {
    const what = write.kind === 'response' ? 'the approval responses' : `the ${write.kind} ${write.key}`;
    if (write.method !== 'PATCH') {
      return refuse('CONFLICT', `Someone else answered for this approver at the same moment.`, {
        item: write.key,
      });
    }
    const itemUrl = write.url.replace(/\/fields$/, '');
    const current = (await this.client
      .api(`${itemUrl}`)
      .expand('fields($select=EditedBy)')
      .get()
      .catch(() => null)) as { lastModifiedDateTime?: string; fields?: { EditedBy?: string } } | null;
    const changedBy = current?.fields?.EditedBy ?? null;
    const changedAt = current?.lastModifiedDateTime ?? null;
    return refuse(
      'CONFLICT',
      `${what.charAt(0).toUpperCase()}${what.slice(1)} was changed${changedBy ? ` by ${changedBy}` : ''}${changedAt ? ` at ${changedAt}` : ''} while you were working. Nothing of yours was overwritten: review the latest version and try again.`,
      { item: write.key, kind: write.kind, changedBy, changedAt },
    );
  }

  async list(): Promise<readonly PlanSummary[]> {
    const raw = await this.fetchAll({ plans: `${this.itemsUrl(plansList)}?$expand=fields&$top=999` });
    return raw['plans']!.map((value) => {
      const item = readItem(plansList, value);
      const f = item.fields;
      return {
        id: String(f['PlanId']),
        title: String(f['Title']),
        council: String(f['Council']),
        status: f['Status'] as PlanSummary['status'],
        leadId: String(f['LeadId']),
        contentVersion: Number(f['ContentVersion']),
      };
    });
  }

  async auditLog(planId: string): Promise<readonly AuditEntry[]> {
    if (!PLAN_ID.test(planId)) return [];
    const raw = await this.fetchAll({ audit: this.byPlan(auditList, planId) });
    // Entries within one second keep the order they were written in (item ids grow).
    return raw['audit']!.map((value) => readItem(auditList, value))
      .sort(
        (a, b) => String(a.fields['At']).localeCompare(String(b.fields['At'])) || Number(a.id) - Number(b.id),
      )
      .map(auditFromItem);
  }
}

function withoutNulls(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
}
