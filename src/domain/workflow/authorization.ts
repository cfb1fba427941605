/** The authorisation rules commands share. Identities come from validated tokens, never request bodies. */
import type { Actor } from '../plan/commands.js';
import type { Plan, Section } from '../plan/plan.js';
import { canEditSection } from '../plan/plan.js';
import type { Refusal } from '../support/result.js';

export function onlyPlanLead(plan: Plan, actor: Actor, what: string): Refusal | null {
  return actor.id === plan.leadId
    ? null
    : { code: 'NOT_ALLOWED', message: `Only the plan lead can ${what}.` };
}

export function onlySectionEditors(section: Section | undefined, actor: Actor, what: string): Refusal | null {
  if (!section) return null; // the handler reports NOT_FOUND with the key
  return canEditSection(section, actor.id)
    ? null
    : {
        code: 'NOT_ALLOWED',
        message: `Only the owner or a contributor of "${section.definition.title}" can ${what}.`,
      };
}
