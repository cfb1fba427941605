/**
 * A server instance's copy of some SharePoint lists, kept current by list delta queries (1 RU a list
 * with a token) instead of reread: items are grouped by the plan they belong to (`PlanId`), and a plan's
 * items are read in full the first time they are asked for, then kept. A delta round asks every list what
 * changed since its token, in one round trip; it runs when someone asks for a copy older than `maxAgeMs`,
 * and everyone asking meanwhile shares it. Writes this instance makes are held at once.
 *
 * A copy can be out of date, never wrong for long: every write still carries the eTag of what it read,
 * so a stale copy meets a 412; its plan is then dropped and read again in full. When a round brings an
 * item this instance set while the round was out and the two differ, which is newer cannot be told, so
 * that plan is dropped too.
 */
import type { GraphLists, ListChanges } from './graph-lists.js';
import { DeltaExpiredError } from './graph-paging.js';
import type { ListSchema } from './list-schema.js';
import type { StoredItem } from './stored-item.js';

export interface MirrorOptions {
  /** How old a copy may be before a read first asks SharePoint what changed. */
  readonly maxAgeMs?: number;
  /** Plans kept; the least recently used go first. */
  readonly maxPlans?: number;
  /**
   * Whether SharePoint's budget runs low (GraphBudget.low). Meanwhile a read that may use a copy
   * (fresh()) takes one up to LOW_BUDGET_MAX_AGE_MS old rather than spend a delta round: this
   * instance's own writes are in it at once, only other instances' come later. current() and recent()
   * still ask SharePoint.
   */
  readonly budgetLow?: () => boolean;
  /** Milliseconds, for tests. */
  readonly now?: () => number;
}

/** SharePoint's budget window: while the budget runs low, a copy this old still serves fresh(). */
export const LOW_BUDGET_MAX_AGE_MS = 60_000;

/**
 * `whole`: every item of the list is kept (a small list such as the plans, whose items answer list());
 * `scoped`: only the items of plans asked about.
 */
export type Keep = 'whole' | 'scoped';

export interface MirroredList {
  readonly schema: ListSchema;
  readonly keep: Keep;
}

/** An item and the local write sequence when it was last set, from a read or from this instance's write. */
interface Held {
  readonly item: StoredItem;
  readonly seq: number;
}

interface Scope<K extends string> {
  readonly items: Record<K, Map<string, Held>>;
  /** Bumps on every change to the plan's items: what derived values (the plan) are remembered by. */
  version: number;
}

interface Round {
  readonly startedAt: number;
  readonly done: Promise<void>;
}

const SCOPE = 'PlanId';

export class ListMirror<K extends string> {
  private readonly maxAgeMs: number;
  private readonly maxPlans: number;
  private readonly now: () => number;
  private readonly budgetLow: () => boolean;
  private readonly keys: readonly K[];
  private readonly scopes = new Map<string, Scope<K>>();
  private readonly filling = new Map<string, Promise<Scope<K>>>();
  /** Bumps when a plan is dropped, so a read that was already out does not keep what it read. */
  private readonly generations = new Map<string, number>();
  /** Items of `whole` lists, by item id. */
  private readonly wholes: Record<K, Map<string, Held>>;
  private links: Record<K, string> | null = null;
  private lastStart = Number.NEGATIVE_INFINITY;
  private running: Round | null = null;
  private seq = 0;
  /** Delta rounds run and plans read in full, for tests and the bench. */
  readonly counts = { rounds: 0, fullReads: 0 };

  constructor(
    private readonly lists: GraphLists,
    private readonly spec: Readonly<Record<K, MirroredList>>,
    options: MirrorOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 5_000;
    this.maxPlans = options.maxPlans ?? 200;
    this.now = options.now ?? (() => performance.now());
    this.budgetLow = options.budgetLow ?? (() => false);
    this.keys = Object.keys(spec) as K[];
    this.wholes = Object.fromEntries(this.keys.map((k) => [k, new Map()])) as Record<K, Map<string, Held>>;
  }

  /**
   * Waits until the copy is current to within maxAgeMs (starting to track the lists, the first time);
   * while the budget runs low, to within LOW_BUDGET_MAX_AGE_MS.
   */
  async fresh(): Promise<void> {
    const stretch = this.links !== null && this.budgetLow();
    return this.freshWithin(stretch ? Math.max(this.maxAgeMs, LOW_BUDGET_MAX_AGE_MS) : this.maxAgeMs);
  }

  /** Waits until the copy is current to within `ms`: a round begun at most that long ago, or a new one. */
  async recent(ms: number): Promise<void> {
    return this.freshWithin(ms);
  }

  /** Waits for a delta round that started after this call: the copy then has every write finished before. */
  async current(): Promise<void> {
    return this.roundAfter(this.now());
  }

  /** Every item of a `whole` list, as of the last round and this instance's own writes. */
  whole(key: K): StoredItem[] {
    return [...this.wholes[key].values()].map((h) => h.item);
  }

  /** Whether the plan's items are held (a read of them then needs no request). */
  holds(planId: string): boolean {
    return this.scopes.has(planId);
  }

  /** A plan's items in every list, read in full the first time; reads arriving together share one. */
  async items(planId: string): Promise<{ items: Record<K, StoredItem[]>; version: number }> {
    let scope = this.scopes.get(planId);
    if (scope) {
      this.scopes.delete(planId);
      this.scopes.set(planId, scope);
    } else scope = await this.fill(planId);
    return { items: this.snapshot(planId, scope), version: scope.version };
  }

  /** The plan's current version, if held: what a derived value remembered with it is good for. */
  versionOf(planId: string): number | null {
    return this.scopes.get(planId)?.version ?? null;
  }

  private snapshot(planId: string, scope: Scope<K>): Record<K, StoredItem[]> {
    return Object.fromEntries(
      this.keys.map((k) => {
        const held =
          this.spec[k].keep === 'whole'
            ? [...this.wholes[k].values()].filter((h) => h.item.fields[SCOPE] === planId)
            : [...scope.items[k].values()];
        return [k, held.map((h) => h.item)];
      }),
    ) as Record<K, StoredItem[]>;
  }

  private fill(planId: string): Promise<Scope<K>> {
    const pending = this.filling.get(planId);
    if (pending) return pending;
    this.counts.fullReads += 1;
    const generation = this.generations.get(planId) ?? 0;
    const where = { column: SCOPE, value: planId };
    const read = this.lists
      .readAll(
        Object.fromEntries(this.keys.map((k) => [k, { list: this.spec[k].schema, where }])) as Record<
          K,
          { list: ListSchema; where: typeof where }
        >,
      )
      .then((raw) => {
        const seq = ++this.seq;
        const scope: Scope<K> = {
          items: Object.fromEntries(
            this.keys.map((k) => [k, new Map(raw[k].map((item) => [item.id, { item, seq }]))]),
          ) as Record<K, Map<string, Held>>,
          version: 1,
        };
        for (const k of this.keys) {
          if (this.spec[k].keep === 'whole')
            for (const item of raw[k]) this.wholes[k].set(item.id, { item, seq });
        }
        // Dropped while the read was out (a conflict, a write): what it read may be older than that.
        if ((this.generations.get(planId) ?? 0) === generation) {
          this.scopes.set(planId, scope);
          while (this.scopes.size > this.maxPlans) this.scopes.delete(this.scopes.keys().next().value!);
        }
        return scope;
      })
      .finally(() => this.filling.delete(planId));
    this.filling.set(planId, read);
    return read;
  }

  /** This instance wrote these items of the plan: held at once. */
  hold(planId: string, written: readonly { list: ListSchema; item: StoredItem }[]): void {
    if (written.length === 0) return;
    const seq = ++this.seq;
    const scope = this.scopes.get(planId);
    for (const { list, item } of written) {
      const key = this.keys.find((k) => this.spec[k].schema === list);
      if (key === undefined) continue;
      if (this.spec[key].keep === 'whole') this.wholes[key].set(item.id, { item, seq });
      scope?.items[key].set(item.id, { item, seq });
    }
    if (scope) scope.version += 1;
  }

  /** Forget what is held for the plan: it is read again in full when next asked for. */
  drop(planId: string): void {
    this.scopes.delete(planId);
    this.generations.set(planId, (this.generations.get(planId) ?? 0) + 1);
  }

  // ------------------------------------------------------------------------------------ delta rounds

  private async freshWithin(ms: number): Promise<void> {
    if (this.running && this.now() - this.running.startedAt <= ms) return this.running.done;
    if (this.links !== null && this.now() - this.lastStart <= ms) return;
    return this.roundAfter(this.now());
  }

  private async roundAfter(t: number): Promise<void> {
    for (;;) {
      const running = this.running;
      if (running === null) {
        if (this.links !== null && this.lastStart >= t) return;
        await this.startRound().done;
        return;
      }
      await running.done.catch(() => undefined);
      if (running.startedAt >= t) return running.done;
    }
  }

  private startRound(): Round {
    const startedAt = this.now();
    const seq = this.seq;
    const done = this.runRound(seq, startedAt).finally(() => {
      if (this.running === round) this.running = null;
    });
    const round: Round = { startedAt, done };
    this.running = round;
    return round;
  }

  private async runRound(seq: number, startedAt: number): Promise<void> {
    try {
      if (this.links === null) await this.startTracking();
      else await this.applyChanges(seq);
    } catch (error) {
      if (!(error instanceof DeltaExpiredError)) throw error;
      // SharePoint no longer knows a token: start again; every plan is read afresh when next asked for.
      this.links = null;
      await this.startTracking();
    }
    this.lastStart = startedAt;
    this.counts.rounds += 1;
  }

  /** Whole lists are enumerated (delta without a token); the others start from now (`token=latest`). */
  private async startTracking(): Promise<void> {
    const changes = await this.lists.changes(
      Object.fromEntries(
        this.keys.map((k) => [
          k,
          {
            list: this.spec[k].schema,
            link: this.lists.deltaUrl(this.spec[k].schema, this.spec[k].keep === 'whole' ? null : 'latest'),
          },
        ]),
      ) as Record<K, { list: ListSchema; link: string }>,
    );
    for (const planId of [...this.scopes.keys()]) this.drop(planId);
    const seq = ++this.seq;
    for (const k of this.keys) {
      this.wholes[k].clear();
      if (this.spec[k].keep === 'whole')
        for (const item of changes[k].items) this.wholes[k].set(item.id, { item, seq });
    }
    this.links = linksOf(this.keys, changes);
  }

  private async applyChanges(seq: number): Promise<void> {
    const links = this.links!;
    const changes = await this.lists.changes(
      Object.fromEntries(this.keys.map((k) => [k, { list: this.spec[k].schema, link: links[k] }])) as Record<
        K,
        { list: ListSchema; link: string }
      >,
    );
    const owner = new Map<string, string>();
    for (const [planId, scope] of this.scopes)
      for (const k of this.keys) for (const id of scope.items[k].keys()) owner.set(`${k}/${id}`, planId);
    const touched = new Set<string>();
    const suspect = new Set<string>();
    const now = ++this.seq;
    for (const k of this.keys) {
      const whole = this.spec[k].keep === 'whole';
      for (const id of changes[k].deleted) {
        const planId = owner.get(`${k}/${id}`) ?? String(this.wholes[k].get(id)?.item.fields[SCOPE] ?? '');
        this.wholes[k].delete(id);
        const scope = this.scopes.get(planId);
        if (scope?.items[k].delete(id)) touched.add(planId);
      }
      for (const item of changes[k].items) {
        const planId = owner.get(`${k}/${item.id}`) ?? String(item.fields[SCOPE] ?? '');
        const before = whole ? this.wholes[k].get(item.id) : this.scopes.get(planId)?.items[k].get(item.id);
        // Set by this instance while the round was out, and different: which is newer cannot be told.
        if (before && before.seq > seq && before.item.eTag !== item.eTag) suspect.add(planId);
        if (whole) this.wholes[k].set(item.id, { item, seq: now });
        const scope = this.scopes.get(planId);
        if (scope) {
          scope.items[k].set(item.id, { item, seq: now });
          touched.add(planId);
        }
      }
    }
    for (const planId of touched) {
      const scope = this.scopes.get(planId);
      if (scope) scope.version += 1;
    }
    for (const planId of suspect) this.drop(planId);
    this.links = linksOf(this.keys, changes);
  }
}

function linksOf<K extends string>(keys: readonly K[], changes: Record<K, ListChanges>): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, changes[k].deltaLink])) as Record<K, string>;
}
