/** Bringing a plan to a state through the API, so a browser test can start where it matters. */
import type { PlanCreatedDto, PlanViewDto } from '../../src/shared/api.js';
import type { PlanSettingsDto } from '../../src/shared/settings-api.js';
import type { TabServer } from './tab-server.js';

export async function createPlan(tab: TabServer, leadId: string, title: string): Promise<string> {
  const created = await tab.as(leadId)<PlanCreatedDto>('POST', '/api/plans', {
    templateId: 'dluhc-productivity-plan-2024',
    reportFormatId: 'demo-borough-cabinet',
    title,
  });
  if (created.status !== 201) throw new Error(`create: ${JSON.stringify(created.body)}`);
  return created.body.planId;
}

/**
 * Every section that must be accepted is written, submitted and accepted, all by the plan lead, and every
 * required header row is filled: approvals can start.
 */
export async function acceptEverySection(
  tab: TabServer,
  planId: string,
  leadId: string,
  options: { readonly fillHeader?: boolean } = {},
): Promise<void> {
  const as = tab.as(leadId);
  const plan = (await as<PlanViewDto>('GET', `/api/plans/${planId}`)).body;
  for (const section of plan.sections) {
    if (!section.required && section.words === 0) continue;
    const base = `/api/plans/${planId}/sections/${encodeURIComponent(section.key)}`;
    const steps: [string, string, unknown?][] = [
      ['POST', `${base}/assign`, { ownerId: leadId, contributorIds: [], dueDate: null }],
      [
        'PUT',
        base,
        {
          baseRevision: section.revision,
          content: [{ type: 'paragraph', children: [{ type: 'text', text: `${section.title}: written.` }] }],
        },
      ],
      ['POST', `${base}/submit`],
      ['POST', `${base}/accept`],
    ];
    for (const [method, route, body] of steps) {
      const answer = await as(method, route, body);
      if (answer.status !== 200) throw new Error(`${method} ${route}: ${JSON.stringify(answer.body)}`);
    }
  }
  if (options.fillHeader !== false) await fillRequiredHeader(tab, planId, leadId);
}

/**
 * Every required header row the plan would print empty, filled through the settings API (approvals do not
 * start without them): a date, the first choice, "All wards", the lead for a person, a text naming the row.
 */
export async function fillRequiredHeader(tab: TabServer, planId: string, leadId: string): Promise<void> {
  const as = tab.as(leadId);
  const settings = (await as<PlanSettingsDto>('GET', `/api/plans/${planId}/settings`)).body;
  const values = Object.fromEntries(
    settings.headerFields
      .filter((f) => f.required && !f.filled)
      .map((f) => [
        f.key,
        f.type === 'date'
          ? '2024-07-10'
          : f.type === 'choice'
            ? (f.choices[0] ?? null)
            : f.type === 'boolean'
              ? false
              : f.type === 'person'
                ? leadId
                : f.type === 'wards'
                  ? 'All wards'
                  : `${f.label} (test)`,
      ]),
  );
  if (Object.keys(values).length === 0) return;
  const answer = await as('PUT', `/api/plans/${planId}/header`, { values });
  if (answer.status !== 200) throw new Error(`header: ${JSON.stringify(answer.body)}`);
}
