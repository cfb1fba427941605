/**
 * The Microsoft Graph client with its real middleware chain: our auth step, the SDK's RetryHandler
 * (which honours Retry-After on 429/503/504), an optional loopback rewrite for the local emulator, a
 * request counter, and the SDK's HTTPMessageHandler. The same chain serves the emulator and a tenant.
 */
import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';

export const GRAPH_ROOT = 'https://graph.microsoft.com';

export interface TokenProvider {
  /** An app-only bearer token for Microsoft Graph. */
  getToken(): Promise<string>;
}

export interface RequestCounter {
  requests: number;
  /** Round trips as seen on the wire, per method and path with ids elided. */
  readonly byRoute: Map<string, number>;
}

export interface GraphClientOptions {
  readonly tokens: TokenProvider;
  /** For the local emulator: send Graph requests to this http://127.0.0.1:PORT origin instead. */
  readonly loopbackOrigin?: string;
  readonly counter?: RequestCounter;
  /** Retries of a throttled request (429/503/504) before the error reaches the caller. */
  readonly maxRetries?: number;
  readonly userAgent?: string;
  /** Reads every answer on the wire, retried ones included (SharePoint's RateLimit headers, 429s). */
  readonly observer?: Middleware;
}

abstract class PassOn implements Middleware {
  private next: Middleware | undefined;
  setNext(next: Middleware): void {
    this.next = next;
  }
  protected async pass(context: Context): Promise<void> {
    if (!this.next) throw new Error(`${this.constructor.name} is the last middleware; it must not be`);
    await this.next.execute(context);
  }
  abstract execute(context: Context): Promise<void>;
}

function setHeader(context: Context, name: string, value: string): void {
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else if (Array.isArray(headers)) headers.push([name, value]);
  else options.headers = { ...(headers ?? {}), [name]: value };
}

function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

class AuthStep extends PassOn {
  constructor(
    private readonly tokens: TokenProvider,
    private readonly userAgent: string,
  ) {
    super();
  }
  async execute(context: Context): Promise<void> {
    // Tokens go to Graph only; upload-session URLs on other hosts must not carry them.
    if (requestUrl(context).startsWith(GRAPH_ROOT)) {
      setHeader(context, 'Authorization', `Bearer ${await this.tokens.getToken()}`);
    }
    setHeader(context, 'User-Agent', this.userAgent);
    await this.pass(context);
  }
}

class LoopbackStep extends PassOn {
  constructor(private readonly origin: string) {
    super();
  }
  async execute(context: Context): Promise<void> {
    const url = requestUrl(context);
    if (url.startsWith(GRAPH_ROOT)) {
      const rewritten = this.origin + url.slice(GRAPH_ROOT.length);
      context.request =
        typeof context.request === 'string' ? rewritten : new Request(rewritten, context.request);
    }
    await this.pass(context);
  }
}

export function routeKey(method: string, url: string): string {
  const path = new URL(url).pathname.replace(/^\/v1\.0/, '');
  const elided = path
    .split('/')
    .map((part, i, parts) =>
      i > 0 && /^(sites|lists|items|drives|users|groups|pages|columns)$/.test(parts[i - 1] ?? '')
        ? '{}'
        : part,
    )
    .join('/');
  return `${method.toUpperCase()} ${elided}`;
}

class CountingStep extends PassOn {
  constructor(private readonly counter: RequestCounter) {
    super();
  }
  async execute(context: Context): Promise<void> {
    const key = routeKey(context.options?.method ?? 'GET', requestUrl(context));
    this.counter.requests += 1;
    this.counter.byRoute.set(key, (this.counter.byRoute.get(key) ?? 0) + 1);
    await this.pass(context);
  }
}

export function newRequestCounter(): RequestCounter {
  return { requests: 0, byRoute: new Map() };
}

export function createGraphClient(options: GraphClientOptions): Client {
  const chain: Middleware[] = [
    new AuthStep(options.tokens, options.userAgent ?? 'NONISV|PlanBuilder|PlanBuilder/0.1'),
    new RetryHandler(new RetryHandlerOptions(3, options.maxRetries ?? 6)),
  ];
  if (options.loopbackOrigin) chain.push(new LoopbackStep(options.loopbackOrigin));
  if (options.counter) chain.push(new CountingStep(options.counter));
  if (options.observer) chain.push(options.observer);
  chain.push(new HTTPMessageHandler());
  return Client.initWithMiddleware({ middleware: chain, defaultVersion: 'v1.0' });
}
