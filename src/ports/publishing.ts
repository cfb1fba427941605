/** Turning a plan into its documents, and putting them where people read them. */
import type { Plan } from '../domain/plan/plan.js';

export interface RenderedDocuments {
  readonly title: string;
  /** A file name without extension, safe in a SharePoint path. */
  readonly fileStem: string;
  readonly docx: Uint8Array;
  readonly html: string;
  /** The content alone, for a SharePoint page. */
  readonly htmlBody: string;
}

export interface DocumentRenderer {
  /** 'omit' for the frozen copy approvers are asked about; 'include' prints recorded sign-offs. */
  render(plan: Plan, signOffs: 'include' | 'omit'): Promise<RenderedDocuments>;
}

export interface SitePagePublisher {
  /** Creates (or finds) the page by name, puts the HTML on it and publishes it. */
  publish(name: string, title: string, htmlBody: string): Promise<{ readonly webUrl: string }>;
}

/** Reading a published page back: its title and the HTML of its text. */
export interface SitePageReader {
  /** The page of that name, or null. */
  read(name: string): Promise<{ readonly title: string; readonly htmlBody: string } | null>;
}
