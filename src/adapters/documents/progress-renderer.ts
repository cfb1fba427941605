/** Progress updates to Word and HTML, with the same renderers as the plan. */
import type { DocumentModel } from '../../domain/documents/document-model.js';
import { renderHtml, renderHtmlBody } from '../../documents/html.js';
import { renderWord } from '../../documents/word.js';
import type { ProgressRenderer } from '../../ports/progress-publishing.js';
import type { RenderedDocuments } from '../../ports/publishing.js';
import { fileStemOf } from './plan-renderer.js';

export class ProgressUpdateRenderer implements ProgressRenderer {
  async render(model: DocumentModel, fileStem: string): Promise<RenderedDocuments> {
    return {
      title: model.metadata.title,
      fileStem: fileStemOf(fileStem),
      docx: await renderWord(model),
      html: renderHtml(model),
      htmlBody: renderHtmlBody(model),
    };
  }
}
