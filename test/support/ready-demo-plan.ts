/**
 * A Demo Borough plan ready for approvals, written straight to the app's store (every section accepted,
 * the demo roles bound), for tests that start where approvals start without spending the API's budget.
 */
import { createPlan } from '../../src/domain/plan/create-plan.js';
import { demoPeople, managementTeamGroup } from '../../src/local/demo/people.js';
import type { App } from '../../src/server/composition.js';
import { acceptedEverywhere } from './fixtures/index.js';

export async function readyDemoPlan(app: App, id: string, title: string): Promise<string> {
  const template = app.catalog.planTemplates.find((t) => t.id === 'dluhc-productivity-plan-2024');
  const format = app.catalog.reportFormats.find((f) => f.id === 'demo-borough-cabinet');
  if (!template || !format) throw new Error('the demo template or format is not installed');
  const lead = demoPeople.planLead.id;
  const created = createPlan(
    template,
    format,
    {
      id,
      title,
      leadId: lead,
      roles: {
        'report-author': [lead],
        'accountable-director': [demoPeople.director.id],
        'chief-finance-officer': [demoPeople.financeOfficer.id],
        'monitoring-officer': [demoPeople.monitoringOfficer.id],
        'management-team': managementTeamGroup.memberIds,
        'portfolio-holder': [demoPeople.portfolioHolder.id],
      },
    },
    { id: lead },
    app.clock.now(),
  );
  if (!created.ok) throw new Error(created.error.message);
  const stored = await app.store.create(created.value.plan, created.value.audit);
  if (!stored.ok) throw new Error(stored.error.message);
  const saved = await app.store.save(stored.value, acceptedEverywhere(stored.value.plan), [], lead);
  if (!saved.ok) throw new Error(saved.error.message);
  return id;
}
