/** The cover report's header table: each of the format's header fields and its value. */
import type { PersonId } from '../plan/plan.js';
import type { HeaderField } from '../templates/report-format.js';
import { longDate } from '../wording/dates.js';
import { nameOf, type AssemblyContext } from './assembly-context.js';
import type { DocBlock, TableBlock } from './document-model.js';
import { cleanText, plain } from './text-runs.js';

/** A person as the field shows them: the name, or the details it lists ("Jane Alexander, Senior Lead Officer, Tel: …"). */
function personText(context: AssemblyContext, field: HeaderField, id: PersonId): string {
  const show = field.show ?? ['name'];
  const contact = context.contacts[id] ?? {};
  return show
    .flatMap((detail): string[] => {
      switch (detail) {
        case 'name':
          return [nameOf(context, id)];
        case 'job-title':
          return contact.jobTitle ? [contact.jobTitle] : [];
        case 'phone':
          return contact.phone ? [`Tel: ${contact.phone}`] : [];
        case 'email':
          return contact.email ? [contact.email] : [];
      }
    })
    .join(', ');
}

function headerValue(context: AssemblyContext, field: HeaderField): string {
  const { plan } = context;
  if (field.binds === 'key-decision') return plan.dates.keyDecision ? 'Yes' : 'No';
  const value = plan.header[field.key] ?? null;
  if (value === null) {
    if (field.type !== 'person' || field.defaultRole === undefined) return '';
    const role = plan.roleDefinitions.find((r) => r.key === field.defaultRole);
    // A group is named as the group ("Report of Corporate Management Team"), not member by member.
    if (role?.group) return role.title;
    const holders = plan.roles[field.defaultRole] ?? [];
    // People shown with their details are told apart by semicolons; names alone by commas.
    const separator = (field.show ?? ['name']).length > 1 ? '; ' : ', ';
    return holders.map((id) => personText(context, field, id)).join(separator);
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (field.type === 'date') return longDate(value);
  if (field.type === 'person') return context.people[value] ? personText(context, field, value) : value;
  return value;
}

export const rowFields = (
  context: AssemblyContext,
  position: 'before-summary' | 'after-summary',
): HeaderField[] =>
  context.plan.headerFields.filter(
    (f) => (f.display ?? 'row') === 'row' && (f.position ?? 'before-summary') === position,
  );

export function headerTable(
  context: AssemblyContext,
  fields: readonly HeaderField[],
  caption: string,
): TableBlock[] {
  if (fields.length === 0) return [];
  return [
    {
      type: 'table',
      caption,
      header: [[plain('Item')], [plain('Details')]],
      rows: fields.map((field) => [[plain(field.label)], [plain(headerValue(context, field))]]),
      rowHeaders: true,
    },
  ];
}

/** Banner lines ("OPEN REPORT") above the title: the value of each banner field that has one. */
export function bannerLines(context: AssemblyContext): DocBlock[] {
  return context.plan.headerFields
    .filter((f) => f.display === 'banner')
    .map((f) => headerValue(context, f))
    .filter((text) => text.trim() !== '')
    .map((text) => ({ type: 'paragraph', runs: [{ text: cleanText(text), bold: true }], style: 'banner' }));
}
