/**
 * The version hash approvals bind to: a SHA-256 over everything that appears in the assembled document,
 * and nothing that does not (owners, statuses, due dates and approvals themselves are left out, so that
 * recording an approval never changes what was approved).
 */
import { canonicalJson } from '../support/canonical-json.js';
import type { Plan } from '../plan/plan.js';
import { sha256Hex } from '../support/sha256.js';

export function documentContent(plan: Plan): unknown {
  return {
    title: plan.title,
    council: plan.council,
    template: [plan.templateId, plan.templateVersion],
    reportFormat: plan.reportFormatId,
    header: plan.header,
    decisionMeeting: plan.dates.decisionMeeting,
    keyDecision: plan.dates.keyDecision,
    sections: plan.sections.map((section) => ({
      key: section.definition.key,
      title: section.definition.title,
      content: section.content,
      figures: section.figures,
      promptAnswers: section.promptAnswers,
    })),
  };
}

export function contentHash(plan: Plan): string {
  return sha256Hex(canonicalJson(documentContent(plan)));
}

export const shortHash = (hash: string): string => hash.slice(0, 7);
