/** Rendering a progress update's document model to the files that are published (Word and HTML). */
import type { DocumentModel } from '../domain/documents/document-model.js';
import type { RenderedDocuments } from './publishing.js';

export interface ProgressRenderer {
  render(model: DocumentModel, fileStem: string): Promise<RenderedDocuments>;
}
