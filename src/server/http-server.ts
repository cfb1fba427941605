/** The HTTP server that will carry the tab API and the bot endpoint; for now, health. */
import { createServer, type Server } from 'node:http';
import type { App } from './composition.js';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startHttpServer(app: App): Promise<RunningServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'GET' && url.pathname === '/healthz') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok', mode: app.config.mode }));
      return;
    }
    response.writeHead(404, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify({
        error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${url.pathname}` },
      }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(app.config.port, app.config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : app.config.port;
  return {
    url: `http://${app.config.host === '0.0.0.0' ? 'localhost' : app.config.host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
