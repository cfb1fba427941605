/** The HTTP server: the bot endpoint, the tab's API (to come) and health, on one Express app. */
import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Request as AgentRequest, WebResponse } from '@microsoft/agents-hosting';
import type { App } from './composition.js';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export function createWebApp(app: App): express.Express {
  const web = express();
  web.disable('x-powered-by');
  web.use(express.json({ limit: '1mb' }));
  web.get('/healthz', (_request, response) => {
    response.json({ status: 'ok', mode: app.config.mode });
  });
  web.post('/api/messages', (request, response, next) => {
    app.bot.handle(request as unknown as AgentRequest, response as unknown as WebResponse).catch(next);
  });
  web.use((request, response) => {
    response
      .status(404)
      .json({ error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${request.path}` } });
  });
  web.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if (status === 400 || status === 413) {
      response.status(status).json({
        error: { code: 'VALIDATION', message: 'The request body is not valid JSON, or is too large.' },
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

export async function startHttpServer(app: App): Promise<RunningServer> {
  const web = createWebApp(app);
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
