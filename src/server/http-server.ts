/** The HTTP server: the bot endpoint, the tab's API, the built tab and health, on one Express app. */
import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { allDemoPeople } from '../local/demo/people.js';
import { loadCalendar, loadTimelineRules } from '../templates/calendar-load.js';
import { PeopleCache } from './api/people-cache.js';
import { sharePointLinks } from './api/document-links.js';
import { createApiRouter } from './api/router.js';
import { tabRouter } from './api/tab-static.js';
import { botMessagesRoute } from './bot-route.js';
import type { App } from './composition.js';
import { authenticatorFor } from './identity/authenticate.js';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface WebOptions {
  /** Where the built tab is (default dist/tab). */
  readonly tabDir?: string;
  /** Local mode: the Agents Playground page that acts as each person, where one runs (npm start). */
  readonly playgrounds?: Readonly<Record<string, string>>;
}

export function createWebApp(app: App, options: WebOptions = {}): express.Express {
  const web = express();
  web.disable('x-powered-by');
  web.get('/healthz', (_request, response) => {
    response.json({ status: 'ok', mode: app.config.mode });
  });
  web.post('/api/messages', ...botMessagesRoute(app.bot));
  const people = new PeopleCache(app.directory);
  web.use(
    '/api',
    createApiRouter({
      store: app.store,
      catalog: app.catalog,
      clock: app.clock,
      ids: app.ids,
      events: app.events,
      commands: app.commands,
      kpis: app.kpis,
      progress: app.progress,
      publishing: app.publishing,
      directory: app.directory,
      calendar: loadCalendar(),
      rules: loadTimelineRules(),
      people,
      authenticator: authenticatorFor(app.config, people),
      limiter: app.apiLimiter,
      outbox: app.outbox,
      conversations: app.conversations,
      // The "acting as" picker exists in local mode only; a tenant server has no such route.
      actingAs: app.config.mode === 'local' ? allDemoPeople : null,
      playgrounds: app.config.mode === 'local' ? (options.playgrounds ?? {}) : {},
      documentLink: app.localDocuments?.link ?? sharePointLinks,
      autosaveSeconds: app.config.autosaveSeconds,
    }),
  );
  // Local mode only: documents and pages from the emulator, where the links the tab shows point.
  if (app.localDocuments) web.use(app.localDocuments.routes);
  web.use(tabRouter(options.tabDir));
  web.use((request, response) => {
    response
      .status(404)
      .json({ error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${request.path}` } });
  });
  web.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if (status === 400 || status === 413) {
      response.status(status).json({
        error: {
          code: status === 413 ? 'TOO_LARGE' : 'VALIDATION',
          message: 'The request body is not valid JSON, or is too large.',
        },
      });
      return;
    }
    console.error('Unhandled error:', error);
    if (!response.headersSent)
      response
        .status(500)
        .json({ error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } });
  });
  return web;
}

export async function startHttpServer(app: App, options: WebOptions = {}): Promise<RunningServer> {
  const web = createWebApp(app, options);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = web.listen(app.config.port, app.config.host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : app.config.port;
  return {
    url: `http://${app.config.host === '0.0.0.0' ? 'localhost' : app.config.host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
