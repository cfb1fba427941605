/** Plans to Word and HTML: assembly in the domain, rendering in src/documents, names from the directory. */
import { assembleDocument } from '../../domain/documents/assemble-document.js';
import type { Plan } from '../../domain/plan/plan.js';
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
  ) {}

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
    const model = assembleDocument(plan, format, { people, signOffs });
    return {
      title: plan.title,
      fileStem: fileStemOf(`${plan.council} ${plan.title}`),
      docx: await renderWord(model),
      html: renderHtml(model),
      htmlBody: renderHtmlBody(model),
    };
  }
}
