/** Plans to Word and HTML: assembly in the domain, rendering in src/documents, names from the directory. */
import { assembleDocument } from '../../domain/documents/assemble-document.js';
import type { PersonContact } from '../../domain/documents/assembly-context.js';
import type { PersonId, Plan } from '../../domain/plan/plan.js';
import type { Directory } from '../../ports/directory.js';
import { renderHtml, renderHtmlBody } from '../../documents/html.js';
import { renderWord } from '../../documents/word.js';
import type { DocumentRenderer, RenderedDocuments } from '../../ports/publishing.js';
import type { TemplateCatalog } from '../../ports/template-catalog.js';
import type { PeopleNames } from '../bot/people-names.js';
import { namesFor } from '../bot/card-context.js';

/** Letters, digits and dashes: safe in any SharePoint path and URL. */
export const fileStemOf = (title: string): string =>
  title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80) || 'plan';

export class PlanRenderer implements DocumentRenderer {
  constructor(
    private readonly catalog: TemplateCatalog,
    private readonly names: PeopleNames,
    /** For header fields that print a person's job title, phone or email; without it they print the name. */
    private readonly directory?: Pick<Directory, 'person'>,
  ) {}

  /** Job titles, phones and emails of the people the header shows with them: looked up only for those. */
  private async contacts(plan: Plan): Promise<Record<PersonId, PersonContact>> {
    const directory = this.directory;
    if (directory === undefined) return {};
    const ids = new Set<PersonId>();
    for (const field of plan.headerFields) {
      if (field.type !== 'person' || !(field.show ?? []).some((d) => d !== 'name')) continue;
      const value = plan.header[field.key];
      if (typeof value === 'string') ids.add(value);
      else if (field.defaultRole !== undefined)
        for (const id of plan.roles[field.defaultRole] ?? []) ids.add(id);
    }
    const found = await Promise.all(
      [...ids].map(async (id) => [id, await directory.person(id).catch(() => null)] as const),
    );
    return Object.fromEntries(
      found.flatMap(([id, person]) =>
        person === null
          ? []
          : [[id, { jobTitle: person.jobTitle, phone: person.phone ?? null, email: person.mail }]],
      ),
    );
  }

  async render(plan: Plan, signOffs: 'include' | 'omit'): Promise<RenderedDocuments> {
    const format = this.catalog.reportFormats.find((f) => f.id === plan.reportFormatId);
    if (!format)
      throw new Error(`The report format ${plan.reportFormatId} of plan ${plan.id} is not installed`);
    const nameOf = await namesFor(plan, this.names);
    const ids = new Set<string>([
      plan.leadId,
      ...Object.values(plan.roles).flat(),
      ...plan.stages.flatMap((s) => s.responses.map((r) => r.responderId)),
    ]);
    const people = Object.fromEntries([...ids].map((id) => [id, nameOf(id)]));
    const model = assembleDocument(plan, format, { people, signOffs, contacts: await this.contacts(plan) });
    return {
      title: plan.title,
      fileStem: fileStemOf(`${plan.council} ${plan.title}`),
      docx: await renderWord(model),
      html: renderHtml(model),
      htmlBody: renderHtmlBody(model),
    };
  }
}
