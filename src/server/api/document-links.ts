/**
 * Where the tab is sent for a stored document or page: SharePoint's address in tenant mode; in local mode
 * this server's, since the emulator's site address resolves nowhere (src/server/local-documents.ts).
 */
export type DocumentLink = (url: string) => string;

export const sharePointLinks: DocumentLink = (url) => url;

interface Linked {
  readonly links: readonly { readonly label: string; readonly url: string }[];
}

/** The same publication with each link as the tab should open it. */
export function linkedFor<T extends Linked>(link: DocumentLink, publication: T): T;
export function linkedFor<T extends Linked>(link: DocumentLink, publication: T | null): T | null;
export function linkedFor<T extends Linked>(link: DocumentLink, publication: T | null): T | null {
  if (publication === null) return null;
  return { ...publication, links: publication.links.map((l) => ({ ...l, url: link(l.url) })) };
}
