/**
 * Serves the built tab (Vite's output) at `/`. Hashed assets are cached for good; index.html never, so
 * a new build is picked up at once. The Content-Security-Policy allows only this origin's scripts: even
 * if hostile markup ever reached the page, it could not run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

export const DEFAULT_TAB_DIR = fileURLToPath(new URL('../../../dist/tab/', import.meta.url));

/** Teams hosts the tab in an iframe on these origins (web, desktop, Outlook and Microsoft 365 app). */
const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://*.office.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://outlook.office.com',
];

export const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Fluent UI (Griffel) inserts its style rules at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
].join('; ');

export function tabRouter(tabDir: string = DEFAULT_TAB_DIR): Router {
  const router = express.Router();
  const index = path.join(tabDir, 'index.html');
  router.use((_request, response, next) => {
    response.setHeader('Content-Security-Policy', TAB_CSP);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'same-origin');
    next();
  });
  router.use('/assets', express.static(path.join(tabDir, 'assets'), { immutable: true, maxAge: '365d' }));
  router.get(['/', '/index.html'], (_request, response) => {
    if (!existsSync(index)) {
      response
        .status(503)
        .type('text/plain')
        .send(
          'The tab has not been built. Run "npm run build:tab" (npm start does it for you), then reload.',
        );
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    // The folder may sit under a dot-directory (tests build into .local); the file name is fixed.
    response.sendFile(index, { dotfiles: 'allow' });
  });
  return router;
}
