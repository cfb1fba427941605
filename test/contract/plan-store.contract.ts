/**
 * The PlanStore contract: what every implementation must do. Run against the local emulator in every
 * `npm test`, and against a real SharePoint site when tenant variables are set.
 */
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/domain/documents/content-hash.js';
import type { Plan } from '../../src/domain/plan/plan.js';
import { decide } from '../../src/domain/workflow/decide.js';
import type { Command } from '../../src/domain/plan/commands.js';
import type { PlanStore, StoredPlan } from '../../src/ports/plan-store.js';
import {
  acceptedEverywhere,
  applyAll,
  catalog,
  newTestPlan,
  paragraph,
  T0,
  templateWithSections,
  testPeople,
} from '../support/fixtures/index.js';

export interface StoreUnderTest {
  readonly store: PlanStore;
  /** A cache may answer a load from memory: at most the round trips an uncached store makes. */
  readonly cached?: boolean;
  /** Graph requests sent since the last reset (a $batch counts once). */
  roundTrips(): number;
  resetRoundTrips(): void;
}

function must<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function apply(plan: Plan, command: Command, actor: string): Plan {
  return must(decide(plan, command, { id: actor }, T0)).plan;
}

async function stored(
  subject: StoreUnderTest,
  options: Parameters<typeof newTestPlan>[0] = {},
): Promise<StoredPlan> {
  const { plan, audit } = newTestPlan(options);
  return must(await subject.store.create(plan, audit));
}

/** A plan with no header values, so none of them stands in the way of a format change. */
async function headerless(subject: StoreUnderTest): Promise<StoredPlan> {
  const { plan, audit } = newTestPlan();
  return must(await subject.store.create({ ...plan, header: {} }, audit));
}

/** A plan with its first section assigned to the demo owner. */
async function withAssignedSection(subject: StoreUnderTest): Promise<{ stored: StoredPlan; key: string }> {
  const first = await stored(subject);
  const key = first.plan.sections[1]!.definition.key;
  const plan = apply(
    first.plan,
    {
      type: 'assignSection',
      sectionKey: key,
      ownerId: testPeople.owner,
      contributorIds: [testPeople.contributor],
      dueDate: '2024-06-20',
    },
    testPeople.lead,
  );
  return { stored: must(await subject.store.save(first, plan, [], testPeople.lead)), key };
}

export function planStoreContract(name: string, open: () => StoreUnderTest): void {
  describe(`PlanStore contract: ${name}`, () => {
    it('stores a new plan and loads it back equal, in one round trip', async () => {
      const subject = open();
      const { plan, audit } = newTestPlan();
      must(await subject.store.create(plan, audit));
      subject.resetRoundTrips();
      const loaded = must(await subject.store.load(plan.id));
      if (subject.cached) expect(subject.roundTrips()).toBeLessThanOrEqual(1);
      else expect(subject.roundTrips()).toBe(1);
      expect(loaded.plan).toEqual(plan);
      expect(contentHash(loaded.plan)).toBe(contentHash(plan));
    });

    it('repeating a create changes nothing', async () => {
      const subject = open();
      const { plan, audit } = newTestPlan();
      must(await subject.store.create(plan, audit));
      const again = must(await subject.store.create(plan, audit));
      expect(again.plan).toEqual(plan);
      expect((await subject.store.list()).filter((p) => p.id === plan.id)).toHaveLength(1);
      expect(await subject.store.auditLog(plan.id)).toHaveLength(1);
    });

    it('answers NOT_FOUND for an unknown plan and for ids that could inject a filter', async () => {
      const subject = open();
      for (const id of ['00000000-0000-4000-8000-00000000dead', "x' or fields/PlanId ne 'y", '../etc']) {
        const result = await subject.store.load(id);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('NOT_FOUND');
      }
    });

    it('saves only what changed and loads the change back, with the audit entry', async () => {
      const subject = open();
      const { stored: first, key } = await withAssignedSection(subject);
      const decided = must(
        decide(
          first.plan,
          {
            type: 'editSection',
            sectionKey: key,
            baseRevision: 0,
            content: paragraph('Our plan <b>text</b> & more'),
          },
          { id: testPeople.owner },
          T0,
        ),
      );
      subject.resetRoundTrips();
      const saved = must(await subject.store.save(first, decided.plan, [decided.audit!], testPeople.owner));
      expect(subject.roundTrips()).toBe(1);
      const loaded = must(await subject.store.load(first.plan.id));
      expect(loaded.plan).toEqual(decided.plan);
      expect(saved.plan).toEqual(decided.plan);
      // Every way of reading sees the store's own save at once.
      expect(must(await subject.store.recent(first.plan.id)).plan).toEqual(decided.plan);
      expect(must(await subject.store.refresh(first.plan.id)).plan).toEqual(decided.plan);
      const log = await subject.store.auditLog(first.plan.id);
      expect(log.map((e) => e.command)).toEqual(['createPlan', 'editSection']);
    });

    it('two writers from the same version: exactly one wins, the other gets a typed conflict naming who, nothing is lost', async () => {
      const subject = open();
      const { stored: base, key } = await withAssignedSection(subject);
      const mine = apply(
        base.plan,
        { type: 'editSection', sectionKey: key, baseRevision: 0, content: paragraph('Owner version') },
        testPeople.owner,
      );
      const theirs = apply(
        base.plan,
        { type: 'editSection', sectionKey: key, baseRevision: 0, content: paragraph('Contributor version') },
        testPeople.contributor,
      );
      const results = await Promise.all([
        subject.store.save(base, mine, [], testPeople.owner),
        subject.store.save(base, theirs, [], testPeople.contributor),
      ]);
      const winners = results.filter((r) => r.ok);
      const losers = results.filter((r) => !r.ok);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      const loser = losers[0]!;
      if (loser.ok) throw new Error('unreachable');
      expect(loser.error.code).toBe('CONFLICT');
      const winnerId = results[0]!.ok ? testPeople.owner : testPeople.contributor;
      expect(loser.error.details).toMatchObject({ changedBy: winnerId });
      expect(loser.error.message).toContain(winnerId);
      const loaded = must(await subject.store.load(base.plan.id));
      const section = loaded.plan.sections.find((s) => s.definition.key === key)!;
      expect(section.content).toEqual(
        results[0]!.ok ? paragraph('Owner version') : paragraph('Contributor version'),
      );
    });

    it('responses from many approvers saved at once are all kept; the same approver twice is refused', async () => {
      const subject = open();
      let current = await stored(subject);
      // Accept every section the chain needs, then open the first stage.
      let plan = current.plan;
      for (const section of plan.sections.filter((s) => s.definition.required)) {
        const owner = section.ownerId ?? testPeople.owner;
        if (!section.ownerId)
          plan = apply(
            plan,
            {
              type: 'assignSection',
              sectionKey: section.definition.key,
              ownerId: owner,
              contributorIds: [],
              dueDate: null,
            },
            testPeople.lead,
          );
        plan = apply(
          plan,
          {
            type: 'editSection',
            sectionKey: section.definition.key,
            baseRevision: 0,
            content: paragraph('x'),
          },
          owner,
        );
        plan = apply(plan, { type: 'submitSection', sectionKey: section.definition.key }, owner);
        plan = apply(plan, { type: 'acceptSection', sectionKey: section.definition.key }, testPeople.lead);
      }
      plan = apply(plan, { type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead);
      current = must(await subject.store.save(current, plan, [], testPeople.lead));
      const stage = current.plan.stages.find((s) => s.state === 'open')!;
      const respond = (actor: string): Plan =>
        apply(
          current.plan,
          {
            type: 'respond',
            stageKey: stage.key,
            decision: 'approve',
            comment: null,
            versionHash: contentHash(current.plan),
          },
          actor,
        );
      const approvers = stage.approverIds;
      const results = await Promise.all(
        approvers.map((id) => subject.store.save(current, respond(id), [], id)),
      );
      // Each response is its own item: none of them conflicts with another approver's.
      expect(results.every((r) => r.ok)).toBe(true);
      const duplicate = await subject.store.save(current, respond(approvers[0]!), [], approvers[0]!);
      expect(duplicate).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const loaded = must(await subject.store.load(current.plan.id));
      const responses = loaded.plan.stages.find((s) => s.key === stage.key)!.responses;
      expect(responses.map((r) => r.approverId).sort()).toEqual([...approvers].sort());
    });

    it('a format change creates and deletes section and stage items, and loads back equal, there and back', async () => {
      const subject = open();
      const first = await headerless(subject);
      const format = (id: string) => catalog.reportFormats.find((f) => f.id === id)!;
      const written = (plan: Plan, key: string, text: string): Plan => ({
        ...plan,
        sections: plan.sections.map((s) =>
          s.definition.key === key ? { ...s, content: paragraph(text), revision: s.revision + 1 } : s,
        ),
      });
      const before = written(written(first.plan, 'report.purpose', 'Why.'), 'implications.legal', 'Powers.');
      const typed = must(await subject.store.save(first, before, [], testPeople.lead));
      const moved = must(
        decide(
          typed.plan,
          { type: 'changeReportFormat', format: format('wealdshire-county-cabinet') },
          { id: testPeople.lead },
          T0,
        ),
      );
      const keys = (plan: Plan) => plan.sections.map((s) => s.definition.key);
      expect(keys(moved.plan)).toContain('report.monitoring');
      expect(keys(moved.plan)).not.toContain('report.approach');
      const saved = must(await subject.store.save(typed, moved.plan, [moved.audit!], testPeople.lead));
      const loaded = must(await subject.store.load(first.plan.id));
      expect(loaded.plan).toEqual(moved.plan);
      expect(saved.plan).toEqual(moved.plan);
      expect(loaded.plan.sections.find((s) => s.definition.key === 'report.purpose')!.content).toEqual(
        paragraph('Why.'),
      );
      // And back: the items deleted a moment ago are made again under the same keys.
      const back = must(
        decide(
          loaded.plan,
          { type: 'changeReportFormat', format: format('durham-cabinet') },
          { id: testPeople.lead },
          T0,
        ),
      );
      must(await subject.store.save(loaded, back.plan, [back.audit!], testPeople.lead));
      const again = must(await subject.store.refresh(first.plan.id));
      expect(again.plan).toEqual(back.plan);
      expect(keys(again.plan)).toEqual(keys(first.plan));
      expect(again.plan.stages.map((s) => s.key)).toEqual(first.plan.stages.map((s) => s.key));
      const log = await subject.store.auditLog(first.plan.id);
      expect(log.map((e) => e.command)).toEqual(['createPlan', 'changeReportFormat', 'changeReportFormat']);
    });

    it('a format change over a section someone wrote in meanwhile is a conflict, and writes nothing', async () => {
      const subject = open();
      const base = await headerless(subject);
      const typing = {
        ...base.plan,
        sections: base.plan.sections.map((s) =>
          s.definition.key === 'report.approach'
            ? { ...s, content: paragraph('Typed meanwhile.'), revision: 1 }
            : s,
        ),
      };
      must(await subject.store.save(base, typing, [], testPeople.owner));
      const wealdshire = catalog.reportFormats.find((f) => f.id === 'wealdshire-county-cabinet')!;
      const stale = must(
        decide(base.plan, { type: 'changeReportFormat', format: wealdshire }, { id: testPeople.lead }, T0),
      );
      const refused = await subject.store.save(base, stale.plan, [stale.audit!], testPeople.lead);
      expect(refused.ok ? 'saved' : refused.error.code).toBe('CONFLICT');
      const loaded = must(await subject.store.refresh(base.plan.id));
      expect(loaded.plan).toEqual(typing);
      expect(await subject.store.auditLog(base.plan.id)).toHaveLength(1);
    });

    it('loads a plan of 160 sections in at most two round trips', async () => {
      const subject = open();
      const { plan, audit } = newTestPlan({ template: templateWithSections(160) });
      must(await subject.store.create(plan, audit));
      subject.resetRoundTrips();
      const loaded = must(await subject.store.load(plan.id));
      expect(subject.roundTrips()).toBeLessThanOrEqual(2);
      expect(loaded.plan.sections).toHaveLength(plan.sections.length);
      expect(loaded.plan).toEqual(plan);
    });

    it('keeps how each section arrives, what each stage re-opens on and is bound to, what each approver saw, and on whose behalf', async () => {
      const subject = open();
      const durham = catalog.reportFormats.find((f) => f.id === 'durham-cabinet')!;
      const format = {
        ...durham,
        approvalChain: durham.approvalChain.map((s, i) =>
          i === 0
            ? { ...s, reopens: 'sections' as const, covers: ['implications.finance'] }
            : s.kind === 'decision'
              ? { ...s, allowsPending: true }
              : { ...s, reopens: 'draft' as const },
        ),
      };
      expect(format.implications.headings.some((h) => h.key === 'finance')).toBe(true);
      const first = await stored(subject, { format });
      const [awaited, outside, joint] = first.plan.sections.filter((s) => s.definition.part === 'plan');
      let plan = applyAll(acceptedEverywhere(first.plan), [
        [
          {
            type: 'assignSection',
            sectionKey: outside!.definition.key,
            ownerId: testPeople.owner,
            contributorIds: [],
            dueDate: '2024-06-20',
            outsideParty: {
              organisation: 'County <Group> & Partners',
              contactName: 'Jo “JJ” Bloggs',
              email: null,
            },
          },
          testPeople.lead,
        ],
        [
          {
            type: 'assignSection',
            sectionKey: joint!.definition.key,
            ownerId: testPeople.owner,
            contributorIds: [testPeople.contributor],
            dueDate: null,
            jointAuthors: true,
          },
          testPeople.lead,
        ],
        [
          {
            type: 'setToFollow',
            sectionKey: awaited!.definition.key,
            toFollow: { from: 'the Leader', by: '2024-07-01' },
          },
          testPeople.lead,
        ],
      ]);
      const entered = must(
        decide(
          applyAll(plan, [
            [{ type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead],
            [
              { type: 'requestSectionChanges', sectionKey: joint!.definition.key, comment: 'both please' },
              testPeople.lead,
            ],
            [{ type: 'submitSection', sectionKey: joint!.definition.key }, testPeople.owner],
          ]),
          { type: 'requestSectionChanges', sectionKey: outside!.definition.key, comment: 'their new text' },
          { id: testPeople.lead },
          T0,
        ),
      ).plan;
      const edit = must(
        decide(
          entered,
          {
            type: 'editSection',
            sectionKey: outside!.definition.key,
            baseRevision: entered.sections.find((s) => s.definition.key === outside!.definition.key)!
              .revision,
            content: paragraph('Their agreed paragraph.'),
          },
          { id: testPeople.owner },
          T0,
        ),
      );
      plan = edit.plan;
      const stageKey = plan.stages.find((s) => s.state === 'open')!.key;
      plan = apply(
        plan,
        {
          type: 'respond',
          stageKey,
          decision: 'approve',
          comment: null,
          versionHash: plan.stages.find((s) => s.key === stageKey)!.boundHash!,
        },
        plan.stages.find((s) => s.key === stageKey)!.approverIds[0]!,
      );
      expect(edit.audit?.onBehalfOf).toBe('County <Group> & Partners (Jo “JJ” Bloggs)');

      const saved = must(await subject.store.save(first, plan, [edit.audit!], testPeople.owner));
      const loaded = must(await subject.store.load(plan.id));
      expect(loaded.plan).toEqual(plan);
      expect(saved.plan).toEqual(plan);
      const section = (key: string) => loaded.plan.sections.find((s) => s.definition.key === key)!;
      expect(section(outside!.definition.key).outsideParty?.organisation).toBe('County <Group> & Partners');
      expect(section(joint!.definition.key).agreements).toEqual([
        { authorId: testPeople.owner, revision: section(joint!.definition.key).revision, at: T0 },
      ]);
      expect(section(awaited!.definition.key).toFollow).toMatchObject({
        from: 'the Leader',
        by: '2024-07-01',
      });
      const opened = loaded.plan.stages.find((s) => s.key === stageKey)!;
      expect(opened.reopens).toBe('sections');
      expect(opened.covers).toEqual(['implications.finance']);
      expect(loaded.plan.stages.at(-1)?.allowsPending).toBe(true);
      expect(Object.keys(opened.boundSections ?? {})).toHaveLength(loaded.plan.sections.length);
      expect(opened.responses.at(-1)?.seen).toMatchObject({ version: opened.boundVersion });
      const audit = await subject.store.auditLog(plan.id);
      expect(audit.at(-1)).toMatchObject({ onBehalfOf: 'County <Group> & Partners (Jo “JJ” Bloggs)' });
    });

    it('lists plans with their summaries', async () => {
      const subject = open();
      const first = await stored(subject);
      const summaries = await subject.store.list();
      expect(summaries).toContainEqual({
        id: first.plan.id,
        title: first.plan.title,
        council: first.plan.council,
        status: 'drafting',
        leadId: testPeople.lead,
        contentVersion: 0,
      });
    });
  });
}
