/**
 * Approvers are asked about the cover report as it will go out, so approvals do not start while a
 * required header row would print empty: the refusal names each one (HEADER_INCOMPLETE, `details.fields`).
 */
import { missingHeaderFields, missingHeaderSentence } from '../plan/header-values.js';
import type { Plan } from '../plan/plan.js';
import { refuse } from '../support/result.js';

export function headerIncomplete(plan: Plan): ReturnType<typeof refuse> | null {
  const missing = missingHeaderFields(plan);
  if (missing.length === 0) return null;
  return refuse(
    'HEADER_INCOMPLETE',
    `The cover report's header is not complete: fill in ${missingHeaderSentence(plan)} in the plan settings before starting approvals.`,
    { fields: missing.map((f) => ({ key: f.key, label: f.label })) },
  );
}
