/**
 * The HTTP listener on 127.0.0.1: reads the body, checks the bearer token, sends `/v1.0/$batch` to the
 * batch endpoint and everything else through the pipeline, and writes Graph-shaped JSON, bytes or errors.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runBatch } from './batch-endpoint.js';
import { callerFromToken } from './caller.js';
import type { Pipeline } from './request-pipeline.js';
import { GraphProblem, errorEnvelope } from './graph-errors.js';
import { newGuid } from '../storage/ids.js';
import type { EmuRequest, EmuResponse } from './http-types.js';
import type { Stats } from './stats.js';
import { DOWNLOAD_PREFIX } from '../resources/download-routes.js';

/** What real Graph sends for JSON; the JS client only looks at the part before the first `;`. */
const JSON_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export interface ServerDeps {
  readonly pipeline: Pipeline;
  /** `GET /_download/{token}`: pre-authenticated file downloads, outside /v1.0 and without a bearer. */
  readonly download: (token: string, headers: Readonly<Record<string, string>>) => EmuResponse;
  readonly stats: Stats;
  readonly now: () => Date;
  readonly acceptToken?: (token: string) => boolean;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function headerMap(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function write(
  res: ServerResponse,
  ids: { requestId: string; clientRequestId: string },
  out: EmuResponse,
): void {
  const headers: Record<string, string | number> = {
    'request-id': ids.requestId,
    'client-request-id': ids.clientRequestId,
    'OData-Version': '4.0',
    ...(out.headers ?? {}),
  };
  if (out.kind === 'json') {
    const body = Buffer.from(JSON.stringify(out.json), 'utf8');
    res.writeHead(out.status, { ...headers, 'Content-Type': JSON_TYPE, 'Content-Length': body.length });
    res.end(body);
  } else if (out.kind === 'bytes') {
    res.writeHead(out.status, {
      ...headers,
      'Content-Type': out.contentType,
      'Content-Length': out.bytes.length,
    });
    res.end(out.bytes);
  } else {
    res.writeHead(out.status, out.status === 204 ? headers : { ...headers, 'Content-Length': 0 });
    res.end();
  }
}

function problem(
  status: number,
  code: string,
  message: string,
  ids: { readonly requestId: string; readonly clientRequestId: string },
  now: Date,
  headers: Record<string, string> = {},
): EmuResponse {
  return { kind: 'json', status, json: errorEnvelope(code, message, ids, now), headers };
}

async function handle(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  port: () => number,
): Promise<void> {
  const headers = headerMap(req);
  const requestId = newGuid();
  const ids = { requestId, clientRequestId: headers['client-request-id'] ?? requestId };
  const body = await readBody(req);
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const fullPath = q === -1 ? url : url.slice(0, q);
  if (fullPath.startsWith(DOWNLOAD_PREFIX) && (req.method === 'GET' || req.method === 'HEAD')) {
    // A download URL is SharePoint's file host, not Graph: not counted as a Graph request.
    write(res, ids, deps.download(fullPath.slice(DOWNLOAD_PREFIX.length), headers));
    return;
  }
  deps.stats.countHttpRequest();
  if (!fullPath.startsWith('/v1.0/')) {
    write(
      res,
      ids,
      problem(
        400,
        'invalidRequest',
        `Only /v1.0 paths are served by the emulator; got ${fullPath}.`,
        ids,
        deps.now(),
      ),
    );
    return;
  }
  const auth = /^Bearer\s+(\S+)\s*$/i.exec(headers['authorization'] ?? '');
  const token = auth?.[1];
  if (token === undefined) {
    write(
      res,
      ids,
      problem(401, 'InvalidAuthenticationToken', 'Access token is empty.', ids, deps.now(), {
        'WWW-Authenticate': 'Bearer realm=""',
      }),
    );
    return;
  }
  if (deps.acceptToken !== undefined && !deps.acceptToken(token)) {
    write(
      res,
      ids,
      problem(401, 'InvalidAuthenticationToken', 'Access token validation failure.', ids, deps.now(), {
        'WWW-Authenticate': 'Bearer error="invalid_token"',
      }),
    );
    return;
  }
  const emuReq: EmuRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    path: fullPath.slice('/v1.0'.length),
    rawQuery: q === -1 ? '' : url.slice(q + 1),
    headers,
    body,
    ...ids,
    caller: callerFromToken(token),
    inBatch: false,
    origin: originOf(headers, port()),
  };
  const out =
    emuReq.path.toLowerCase() === '/$batch' && emuReq.method === 'POST'
      ? await deps.pipeline.runEnvelope(emuReq, () => runBatch(emuReq, deps.pipeline))
      : await deps.pipeline.run(emuReq, 'top');
  write(res, ids, out);
}

/** The origin the client addressed; a Host header that is not a plain host[:port] falls back to the loopback. */
function originOf(headers: Readonly<Record<string, string>>, port: number): string {
  const host = headers['host'];
  return host !== undefined && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)
    ? `http://${host}`
    : `http://127.0.0.1:${port}`;
}

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  close(): Promise<void>;
}

export function listen(deps: ServerDeps, port: number): Promise<RunningServer> {
  let boundPort = port;
  const server = createServer((req, res) => {
    handle(deps, req, res, () => boundPort).catch((e: unknown) => {
      console.error('[sharepoint-emulator]', e);
      if (!res.headersSent) {
        const id = newGuid();
        const message = e instanceof GraphProblem ? e.message : 'Emulator failure';
        write(
          res,
          { requestId: id, clientRequestId: id },
          problem(500, 'generalException', message, { requestId: id, clientRequestId: id }, deps.now()),
        );
      } else {
        res.destroy();
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const addr = server.address() as AddressInfo;
      boundPort = addr.port;
      resolve({
        server,
        port: addr.port,
        close: () =>
          new Promise<void>((res, rej) => {
            server.close((err) => (err === undefined ? res() : rej(err)));
            server.closeAllConnections();
          }),
      });
    });
  });
}
