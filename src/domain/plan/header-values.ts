/**
 * Which of the report header's fields have a value: one the plan lead typed, or for a person field the
 * holder of its default role (as the cover report fills it). Required fields without either are what
 * the settings view, the start of approvals and the submission checks name.
 */
import type { HeaderField } from '../templates/report-format.js';
import type { Plan } from './plan.js';

export function headerFieldFilled(plan: Plan, field: HeaderField): boolean {
  // A field bound to the key decision shows the plan's key-decision setting, which always has a value.
  if (field.binds === 'key-decision') return true;
  const value = plan.header[field.key] ?? null;
  if (typeof value === 'boolean') return true;
  if (typeof value === 'string' && value.trim() !== '') return true;
  if (field.type !== 'person' || field.defaultRole === undefined) return false;
  const role = plan.roleDefinitions.find((r) => r.key === field.defaultRole);
  return role?.group === true || (plan.roles[field.defaultRole] ?? []).length > 0;
}

/** The required header fields that would print empty, in the format's order. */
export function missingHeaderFields(plan: Plan): readonly HeaderField[] {
  return plan.headerFields.filter((field) => field.required && !headerFieldFilled(plan, field));
}

/** "Meeting date, Wards Affected and Contact Details", or null when nothing is missing. */
export function missingHeaderSentence(plan: Plan): string | null {
  const labels = missingHeaderFields(plan).map((f) => f.label);
  if (labels.length === 0) return null;
  if (labels.length === 1) return labels[0]!;
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
