/** The cover report's header table: each of the format's header fields and its value. */
import type { HeaderField } from '../templates/report-format.js';
import { longDate } from '../wording/dates.js';
import { nameOf, type AssemblyContext } from './assembly-context.js';
import type { TableBlock } from './document-model.js';
import { plain } from './text-runs.js';

function headerValue(context: AssemblyContext, field: HeaderField): string {
  const { plan } = context;
  const value = plan.header[field.key] ?? null;
  if (value === null) {
    if (field.type !== 'person' || field.defaultRole === undefined) return '';
    const role = plan.roleDefinitions.find((r) => r.key === field.defaultRole);
    // A group is named as the group ("Report of Corporate Management Team"), not member by member.
    if (role?.group) return role.title;
    return (plan.roles[field.defaultRole] ?? []).map((id) => nameOf(context, id)).join(', ');
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (field.type === 'date') return longDate(value);
  if (field.type === 'person') return context.people[value] ?? value;
  return value;
}

export function headerTable(context: AssemblyContext): TableBlock {
  return {
    type: 'table',
    caption: 'Report details',
    header: [[plain('Item')], [plain('Details')]],
    rows: context.plan.headerFields.map((field) => [
      [plain(field.label)],
      [plain(headerValue(context, field))],
    ]),
    rowHeaders: true,
  };
}
