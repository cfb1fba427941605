/**
 * Closing figures for issue 15, measured on the demo plan as `npm start` seeds it, through the real use
 * cases, Graph client and store on the local emulator: how many round trips people make (each a save, a
 * click in the tab or on a card) from the seeded draft to the decision, the way the plan went before
 * (every implication written, submitted and accepted one by one; every stage re-opened by any change) and
 * the way it goes now (implications with nothing to report completed as "None" in one step, the plan
 * lead accepting the submitted sections at once, the demo format's rules: the implications sign-off
 * covers the officers' paragraphs and the management team endorses a draft).
 *
 * Both runs write the same text and see the same late change: the foreword revised after the management
 * team endorsed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptSections } from '../../src/app/plans/accept-sections.js';
import { runCommand, type CommandDeps } from '../../src/app/plans/run-command.js';
import type { Command } from '../../src/domain/plan/commands.js';
import type { Plan } from '../../src/domain/plan/plan.js';
import type { ReportFormat } from '../../src/domain/templates/report-format.js';
import { allDemoPeople, demoPeople } from '../../src/local/demo/people.js';
import { DEMO_PLAN_ID, seedDemoPlan } from '../../src/local/demo/seed.js';
import { loadCatalog } from '../../src/templates/load.js';
import type { TemplateCatalog } from '../../src/ports/template-catalog.js';
import { requiredHeader } from '../support/fixtures/index.js';
import { startTestSite, type TestSite } from '../support/sharepoint.js';

const demoFormatsDir = new URL('../../src/local/demo/report-formats/', import.meta.url).pathname;
const shipped = loadCatalog();
const demo = loadCatalog({ reportFormatsDir: demoFormatsDir });

/** The demo format as it was before stages said what re-opens them, and before "None" had a wording. */
function asBefore(format: ReportFormat): ReportFormat {
  return {
    ...format,
    implications: {
      ...format.implications,
      noneText: undefined,
      headings: format.implications.headings.map(({ noneText: _none, ...h }) => h),
    },
    approvalChain: format.approvalChain.map(({ reopens: _r, covers: _c, allowsPending: _a, ...s }) => s),
  } as ReportFormat;
}

function catalogWith(transform: (f: ReportFormat) => ReportFormat): TemplateCatalog {
  return {
    planTemplates: shipped.planTemplates,
    reportFormats: [...shipped.reportFormats, ...demo.reportFormats.map(transform)],
  } as TemplateCatalog;
}

const p = (text: string) => [{ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] }];
const NOTHING_TO_REPORT = [
  'implications.risk-management',
  'implications.staffing',
  'implications.equality',
  'implications.safeguarding',
  'implications.health',
];

interface Counted {
  roundTrips: number;
  /** Write, submit and accept round trips (and "None") before approvals can start. */
  sectionTrips: number;
  byKind: Record<string, number>;
  plan: Plan;
}

async function run(site: TestSite, way: 'before' | 'now'): Promise<Counted> {
  let tick = 0;
  const clock = {
    now: () =>
      new Date(Date.parse('2026-06-01T09:00:00Z') + 60_000 * tick++).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const deps: CommandDeps = { store: site.store, clock, events: { publish: async () => undefined } };
  const catalog = catalogWith(way === 'before' ? asBefore : (f) => f);
  const seeded = await seedDemoPlan({ ...deps, catalog, ids: { newId: () => DEMO_PLAN_ID } });
  expect(seeded).toBe('created');
  const counted: Counted = { roundTrips: 0, sectionTrips: 0, byKind: {}, plan: null as unknown as Plan };
  let approvalsStarted = false;
  const count = (kind: string): void => {
    counted.roundTrips += 1;
    counted.byKind[kind] = (counted.byKind[kind] ?? 0) + 1;
    const sectionWork = ['editSection', 'submitSection', 'acceptSection', 'completeAsNone', 'acceptSections'];
    if (!approvalsStarted && sectionWork.includes(kind)) counted.sectionTrips += 1;
    if (kind === 'startApprovals') approvalsStarted = true;
  };
  const act = async (command: Command, actor: string): Promise<Plan> => {
    count(command.type);
    const result = await runCommand(deps, DEMO_PLAN_ID, command, { id: actor });
    if (!result.ok) throw new Error(`${way}: ${command.type}: ${result.error.message}`);
    counted.plan = result.value.plan;
    return result.value.plan;
  };
  const lead = demoPeople.planLead.id;
  const loaded = await site.store.load(DEMO_PLAN_ID);
  if (!loaded.ok) throw new Error(loaded.error.message);
  let plan = loaded.value.plan;
  const sectionOf = (key: string) => plan.sections.find((s) => s.definition.key === key)!;

  // Every section the plan needs, brought to submitted by whoever owns it (the lead for the unassigned).
  for (const section of loaded.value.plan.sections) {
    const key = section.definition.key;
    if (section.status === 'accepted' || (!section.definition.required && section.content.length === 0))
      continue;
    let owner = section.ownerId;
    if (owner === null) {
      owner = lead;
      plan = await act(
        { type: 'assignSection', sectionKey: key, ownerId: lead, contributorIds: [], dueDate: null },
        lead,
      );
    }
    const nothing = NOTHING_TO_REPORT.includes(key);
    if (way === 'now' && nothing) {
      plan = await act(
        { type: 'completeAsNone', sectionKey: key, baseRevision: sectionOf(key).revision },
        owner,
      );
      continue;
    }
    if (section.status === 'submitted') continue;
    if (section.content.length === 0) {
      plan = await act(
        {
          type: 'editSection',
          sectionKey: key,
          baseRevision: sectionOf(key).revision,
          content: p(nothing ? 'None.' : `The ${section.definition.title} text.`),
        },
        owner,
      );
    }
    plan = await act({ type: 'submitSection', sectionKey: key }, owner);
  }
  // The plan lead accepts: one by one before; all at once now.
  const submitted = plan.sections.filter((s) => s.status === 'submitted').map((s) => s.definition.key);
  if (way === 'now') {
    count('acceptSections');
    const accepted = await acceptSections(deps, DEMO_PLAN_ID, submitted, { id: lead });
    if (!accepted.ok) throw new Error(accepted.error.message);
    expect(accepted.value.refused).toEqual([]);
    plan = accepted.value.plan;
  } else {
    for (const key of submitted) plan = await act({ type: 'acceptSection', sectionKey: key }, lead);
  }

  const approveOpen = async (): Promise<void> => {
    const open = plan.stages.find((s) => s.state === 'open' && s.kind !== 'decision')!;
    for (const approver of open.approverIds) {
      const current = plan.stages.find((s) => s.key === open.key)!;
      if (current.state !== 'open') break;
      plan = await act(
        {
          type: 'respond',
          stageKey: open.key,
          decision: 'approve',
          comment: null,
          versionHash: current.boundHash!,
        },
        approver,
      );
    }
  };
  // The report header's required rows, filled from the settings in one save (approvals need them).
  plan = await act({ type: 'setHeaderFields', values: requiredHeader(plan) }, lead);
  plan = await act({ type: 'startApprovals', delivery: { kind: 'one-to-one' } }, lead);
  await approveOpen(); // implications sign-off
  await approveOpen(); // the management team's endorsement

  // July: the chief executive revises the foreword after the management team endorsed.
  const ceo = demoPeople.chiefExecutive.id;
  plan = await act(
    { type: 'requestSectionChanges', sectionKey: 'foreword', comment: 'The July foreword.' },
    lead,
  );
  plan = await act(
    {
      type: 'editSection',
      sectionKey: 'foreword',
      baseRevision: sectionOf('foreword').revision,
      content: p('The July foreword.'),
    },
    ceo,
  );
  plan = await act({ type: 'submitSection', sectionKey: 'foreword' }, ceo);
  plan = await act({ type: 'acceptSection', sectionKey: 'foreword' }, lead);

  // The report header's required rows, filled from the settings in one save (approvals need them).
  plan = await act({ type: 'setHeaderFields', values: requiredHeader(plan) }, lead);
  plan = await act({ type: 'startApprovals', delivery: { kind: 'one-to-one' } }, lead);
  for (let guard = 0; guard < 6; guard++) {
    const open = plan.stages.find((s) => s.state === 'open');
    if (!open) break;
    if (open.kind === 'decision') {
      plan = await act(
        {
          type: 'recordDecision',
          stageKey: open.key,
          meetingBody: 'Cabinet',
          meetingDate: '2026-07-08',
          minuteReference: 'Min. 23',
          callInEndsOn: null,
          outcome: 'approved',
          versionHash: open.boundHash!,
        },
        lead,
      );
      break;
    }
    await approveOpen();
  }
  expect(plan.status).toBe('decided');
  return counted;
}

let before: TestSite;
let now: TestSite;
beforeAll(async () => {
  [before, now] = await Promise.all([startTestSite(), startTestSite()]);
  for (const site of [before, now]) {
    for (const person of allDemoPeople) {
      site.emulator.admin.upsertUser({
        id: person.id,
        displayName: person.displayName,
        mail: person.mail ?? '',
        userPrincipalName: person.mail ?? person.id,
        jobTitle: person.jobTitle ?? '',
      });
    }
  }
});
afterAll(async () => {
  await Promise.all([before?.close(), now?.close()]);
});

describe('round trips on the demo plan from draft to decision', () => {
  it('are fewer now: None in one step, accepting together, and stages re-opened only by what touches them', async () => {
    const old = await run(before, 'before');
    const fresh = await run(now, 'now');
    // The stages the late foreword re-opened: every one before; now only the portfolio holder's.
    const reopenedOld = old.plan.stages.filter((s) => s.round > 1).map((s) => s.key);
    const reopenedNow = fresh.plan.stages.filter((s) => s.round > 1).map((s) => s.key);
    expect(reopenedOld).toEqual([
      'implications-sign-off',
      'management-team-endorsement',
      'portfolio-holder-sign-off',
    ]);
    // The cabinet member had not signed yet: the foreword changes what they sign, so theirs starts again.
    expect(reopenedNow).toEqual(['portfolio-holder-sign-off']);
    // Sections to the start of approvals: 22 accepts become one; five implications take one step each.
    expect({ before: old.sectionTrips, now: fresh.sectionTrips }).toEqual({ before: 59, now: 34 });
    // Approvals given: the late foreword asked 7 people again before, 1 now.
    expect({ before: old.byKind['respond'], now: fresh.byKind['respond'] }).toEqual({ before: 15, now: 8 });
    // Everything from the seeded draft to the recorded decision.
    expect({ before: old.roundTrips, now: fresh.roundTrips }).toEqual({ before: 94, now: 62 });
  });
});
