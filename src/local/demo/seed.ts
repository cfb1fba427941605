/**
 * Demo data for local mode: the directory, and a Productivity Plan part-way through, made with the same
 * use cases people use, so the demo shows real states (accepted, submitted, drafting, not started).
 */
import { createPlanFromTemplate, type CreatePlanDeps } from '../../app/plans/create-plan.js';
import { runCommand } from '../../app/plans/run-command.js';
import type { Command } from '../../domain/plan/commands.js';
import type { RichText } from '../../domain/sections/rich-text.js';
import type { SharePointEmulator } from '../emulator/index.js';
import { allDemoPeople, demoPeople, managementTeamGroup } from './people.js';

export const DEMO_PLAN_ID = 'demo-productivity-plan';

const p = (text: string): RichText[number] => ({ type: 'paragraph', children: [{ type: 'text', text }] });

export function seedDirectory(emulator: SharePointEmulator): void {
  for (const person of allDemoPeople) {
    emulator.admin.upsertUser({
      id: person.id,
      displayName: person.displayName,
      mail: person.mail ?? '',
      userPrincipalName: person.mail ?? person.id,
      jobTitle: person.jobTitle ?? '',
    });
  }
  emulator.admin.upsertGroup(managementTeamGroup);
}

const addDays = (today: string, days: number): string => {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

export async function seedDemoPlan(deps: CreatePlanDeps): Promise<'created' | 'present'> {
  const existing = await deps.store.load(DEMO_PLAN_ID);
  if (existing.ok) return 'present';
  const lead = { id: demoPeople.planLead.id };
  const created = await createPlanFromTemplate(
    deps,
    {
      planId: DEMO_PLAN_ID,
      templateId: 'dluhc-productivity-plan-2024',
      reportFormatId: 'demo-borough-cabinet',
      title: 'Productivity Plan',
      roles: {
        'report-author': [demoPeople.planLead.id],
        'accountable-director': [demoPeople.director.id],
        'chief-finance-officer': [demoPeople.financeOfficer.id],
        'monitoring-officer': [demoPeople.monitoringOfficer.id],
        'management-team': managementTeamGroup.memberIds,
        'portfolio-holder': [demoPeople.portfolioHolder.id],
      },
    },
    lead,
  );
  if (!created.ok) throw new Error(`Could not create the demo plan: ${created.error.message}`);

  // Dates relative to today, so the demo timeline is live rather than two years in the past.
  const today = deps.clock.now().slice(0, 10);
  const deadline = addDays(today, 45);
  const run = async (command: Command, actor: string): Promise<void> => {
    const result = await runCommand(deps, DEMO_PLAN_ID, command, { id: actor });
    if (!result.ok) throw new Error(`Demo step ${command.type} failed: ${result.error.message}`);
  };
  await run(
    {
      type: 'setDates',
      dates: {
        submissionDeadline: deadline,
        decisionMeeting: { body: 'Cabinet', date: addDays(today, 36) },
        keyDecision: true,
      },
    },
    lead.id,
  );
  const assignments: [string, string, string[], number][] = [
    ['foreword', demoPeople.chiefExecutive.id, [], 7],
    ['context', demoPeople.planLead.id, [], 7],
    ['theme-1-transformation', demoPeople.transformationLead.id, [], 10],
    ['theme-2-technology-and-data', demoPeople.digitalLead.id, [], 10],
    ['theme-3-reducing-waste', demoPeople.hrLead.id, [demoPeople.financeOfficer.id], 10],
    ['theme-4-barriers', demoPeople.director.id, [], 12],
    ['kpis', demoPeople.planLead.id, [], 12],
    ['milestones', demoPeople.transformationLead.id, [], 12],
    ['monitoring', demoPeople.planLead.id, [], 12],
  ];
  for (const [sectionKey, ownerId, contributorIds, dueIn] of assignments) {
    await run(
      { type: 'assignSection', sectionKey, ownerId, contributorIds, dueDate: addDays(today, dueIn) },
      lead.id,
    );
  }

  const ceo = demoPeople.chiefExecutive.id;
  await run(
    {
      type: 'editSection',
      sectionKey: 'foreword',
      baseRevision: 0,
      content: [
        p(
          'Demo Borough has changed how it works over the last five years: fewer layers of management, shared services with our neighbours, and services designed around what residents tell us.',
        ),
        p('This plan sets out what we have done, what we will do next, and how residents can hold us to it.'),
      ],
    },
    ceo,
  );
  await run({ type: 'submitSection', sectionKey: 'foreword' }, ceo);
  await run({ type: 'acceptSection', sectionKey: 'foreword' }, lead.id);

  await run(
    {
      type: 'editSection',
      sectionKey: 'context',
      baseRevision: 0,
      content: [
        p(
          'Demo Borough serves 210,000 residents. We work with the integrated care board, the police and our voluntary sector through the Borough Partnership.',
        ),
      ],
    },
    lead.id,
  );
  await run({ type: 'submitSection', sectionKey: 'context' }, lead.id);

  const transformation = demoPeople.transformationLead.id;
  await run(
    {
      type: 'editSection',
      sectionKey: 'theme-1-transformation',
      baseRevision: 0,
      content: [
        { type: 'heading', level: 3, children: [{ type: 'text', text: 'What we have changed' }] },
        {
          type: 'list',
          ordered: false,
          items: [
            [
              {
                type: 'text',
                text: 'One customer contact centre for 14 services, answering 80% of calls at first contact.',
              },
            ],
            [{ type: 'text', text: 'A shared revenues and benefits service with a neighbouring council.' }],
          ],
        },
      ],
      promptAnswers: { 't1.q1': { state: 'answered' }, 't1.q3': { state: 'answered' } },
    },
    transformation,
  );

  const hr = demoPeople.hrLead.id;
  await run(
    {
      type: 'editSection',
      sectionKey: 'theme-3-reducing-waste',
      baseRevision: 0,
      content: [
        p(
          'Agency spend has fallen for three years running; every engagement over 12 weeks needs director approval.',
        ),
      ],
      figures: {
        'staff-budget': 96_400_000,
        'agency-spend': 5_100_000,
        'consultant-spend': 1_200_000,
        'agency-consultant-staff-over-a-year': 23,
      },
    },
    hr,
  );
  return 'created';
}
