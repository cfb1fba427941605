/**
 * Local mode's documents: the links a plan stores are SharePoint's (the emulator's site address, which
 * resolves nowhere), so the tab is given links to this server instead, which streams each file from the
 * emulator's library and shows each page from the emulator's pages. Tenant mode never mounts this and
 * keeps SharePoint's links.
 */
import express, { type Router } from 'express';
import type { DocumentStore } from '../ports/document-store.js';
import type { SitePageReader } from '../ports/publishing.js';

export const LOCAL_DOCUMENTS_PATH = '/local/documents';
export const LOCAL_PAGES_PATH = '/local/pages';

/** Nothing in a served file or page may run: no scripts, no frames, no requests out. */
const LOCKED_DOWN = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

export interface LocalDocuments {
  /** The address this server serves a SharePoint link from, or the link unchanged when it is not the site's. */
  link(url: string): string;
  readonly routes: Router;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function decodedPath(encoded: string): string | null {
  try {
    return encoded
      .split('/')
      .map((segment) => decodeURIComponent(segment))
      .join('/');
  } catch {
    return null;
  }
}

export function localDocumentLink(siteWebUrl: string, url: string): string {
  const site = siteWebUrl.replace(/\/$/, '');
  const library = `${site}/Shared%20Documents/`;
  const pages = `${site}/SitePages/`;
  if (url.startsWith(library)) return `${LOCAL_DOCUMENTS_PATH}/${url.slice(library.length)}`;
  if (url.startsWith(pages)) return `${LOCAL_PAGES_PATH}/${url.slice(pages.length)}`;
  return url;
}

export function localDocuments(deps: {
  readonly siteWebUrl: string;
  readonly documents: DocumentStore;
  readonly pages: SitePageReader;
}): LocalDocuments {
  const routes = express.Router();
  const notFound = (response: express.Response, what: string) =>
    response
      .status(404)
      .json({ error: { code: 'NOT_FOUND', message: `There is no ${what} at this address.` } });

  routes.get(`${LOCAL_DOCUMENTS_PATH}/*path`, async (request, response, next) => {
    try {
      const raw = request.originalUrl.slice(LOCAL_DOCUMENTS_PATH.length + 1).split('?')[0] ?? '';
      const path = decodedPath(raw);
      if (path === null || path === '' || path.split('/').some((s) => s === '..' || s === '.' || s === '')) {
        notFound(response, 'document');
        return;
      }
      const found = await deps.documents.find(path);
      const file = found ? await deps.documents.get(found.id) : null;
      if (!found || !file) {
        notFound(response, 'document');
        return;
      }
      response
        .status(200)
        .set({
          'Content-Type': file.contentType,
          'Content-Length': String(file.bytes.byteLength),
          'Content-Disposition': `${file.contentType.startsWith('text/html') ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(found.name)}`,
          'Content-Security-Policy': LOCKED_DOWN,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        })
        .end(Buffer.from(file.bytes));
    } catch (error) {
      next(error);
    }
  });

  routes.get(`${LOCAL_PAGES_PATH}/:name`, async (request, response, next) => {
    try {
      const page = await deps.pages.read(String(request.params['name'] ?? ''));
      if (!page) {
        notFound(response, 'page');
        return;
      }
      response
        .status(200)
        .set({
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': LOCKED_DOWN,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        })
        .send(
          `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(page.title)}</title></head><body><main>${page.htmlBody}</main></body></html>`,
        );
    } catch (error) {
      next(error);
    }
  });

  return { link: (url) => localDocumentLink(deps.siteWebUrl, url), routes };
}
