/**
 * A save whose answer was lost: SharePoint made the writes, the gateway timed out (504), the client sent
 * the $batch again, and this time SharePoint refused the update (412: the item had changed — by this very
 * save). The store must tell its own earlier write from someone else's: the save has landed, once, with its
 * audit entry, and is not reported as someone else's change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditList } from '../../../src/adapters/sharepoint/list-schema.js';
import { decide } from '../../../src/domain/workflow/decide.js';
import { testPeople, newTestPlan, T0, paragraph } from '../../support/fixtures/index.js';
import { startTestSite, type TestSite } from '../../support/sharepoint.js';

/** Draws for the fault rules, in order; afterwards no fault. */
const draws: number[] = [];
let site: TestSite;
beforeAll(async () => {
  site = await startTestSite({ random: () => draws.shift() ?? 0.99 });
});
afterAll(async () => {
  await site.close();
});

function must<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('a save whose answer was lost and sent again', () => {
  it('is recognised as its own: stored once, with one audit entry, and no conflict reported', async () => {
    const { plan, audit } = newTestPlan();
    const first = must(await site.store.create(plan, audit));
    const key = first.plan.sections[1]!.definition.key;
    const assigned = must(
      decide(
        first.plan,
        {
          type: 'assignSection',
          sectionKey: key,
          ownerId: testPeople.owner,
          contributorIds: [],
          dueDate: null,
        },
        { id: testPeople.lead },
        T0,
      ),
    );
    const stored = must(await site.store.save(first, assigned.plan, [], testPeople.lead));
    const edit = must(
      decide(
        stored.plan,
        { type: 'editSection', sectionKey: key, baseRevision: 0, content: paragraph('Written once.') },
        { id: testPeople.owner },
        T0,
      ),
    );
    // The $batch is carried out and its answer lost (504 after commit), its audit entry throttled; the
    // client's retry of the same $batch then finds the section already changed.
    site.emulator.faults.set([
      {
        path: /^\/\$batch$/,
        method: 'POST',
        status: 504,
        share: 0.5,
        retryAfterSeconds: 0,
        afterCommit: true,
      },
      {
        path: new RegExp(`/lists/${site.site.listIds[auditList.key]}/items$`),
        method: 'POST',
        status: 429,
        share: 0.5,
        retryAfterSeconds: 0,
      },
    ]);
    draws.push(0.1, 0.1);
    let saved;
    try {
      saved = await site.store.save(stored, edit.plan, [edit.audit!], testPeople.owner);
    } finally {
      site.emulator.faults.clear();
    }
    expect(draws).toEqual([]);
    expect(saved.ok).toBe(true);
    const loaded = must(await site.store.load(plan.id));
    expect(loaded.plan.sections.find((s) => s.definition.key === key)!.content).toEqual(
      paragraph('Written once.'),
    );
    const log = await site.store.auditLog(plan.id);
    expect(log.filter((e) => e.command === 'editSection')).toHaveLength(1);
  });
});
