/**
 * The server in-process (local mode, emulator on a free port) with a recording fake Bot Connector: the
 * edge Teams would be. Activities are posted to /api/messages as Teams posts them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SharePointEmulator } from '../../src/local/emulator/index.js';
import { compose, type App } from '../../src/server/composition.js';
import { readConfig, LOCAL_BOT_ID, type AppConfig } from '../../src/server/config.js';
import { startHttpServer, type RunningServer } from '../../src/server/http-server.js';

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown> | null;
  readonly authorization: string | null;
}

export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private server!: Server;
  url = '';
  private next = 1;
  private readonly failures = new Map<string, { status: number; body: unknown }>();

  /** From now on, answers every call about this conversation as Teams would refuse it. */
  failFor(conversationId: string, status: number, body: unknown): void {
    this.failures.set(conversationId, { status, body });
  }

  /** Teams takes messages for this conversation again. */
  heal(conversationId: string): void {
    this.failures.delete(conversationId);
  }

  /** Calls about one conversation (sends and updates). */
  callsFor(conversationId: string): ConnectorCall[] {
    return this.calls.filter(
      (c) =>
        c.path.includes(`/v3/conversations/${encodeURIComponent(conversationId)}/`) ||
        c.path.includes(`/v3/conversations/${conversationId}/`),
    );
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let data = '';
      request.on('data', (chunk: Buffer) => (data += chunk.toString()));
      request.on('end', () => {
        this.calls.push({
          method: request.method ?? '',
          path: request.url ?? '',
          body: data ? (JSON.parse(data) as Record<string, unknown>) : null,
          authorization: request.headers.authorization ?? null,
        });
        const failure = [...this.failures].find(
          ([id]) =>
            (request.url ?? '').includes(`/v3/conversations/${encodeURIComponent(id)}/`) ||
            (request.url ?? '').includes(`/v3/conversations/${id}/`),
        )?.[1];
        if (failure) {
          response.writeHead(failure.status, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify(failure.body));
          return;
        }
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ id: `activity-${this.next++}` }));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/`;
  }

  /** Cards sent (POST) or updated (PUT) into a conversation. */
  cardsIn(conversationId: string, method?: 'POST' | 'PUT'): Record<string, unknown>[] {
    return this.calls
      .filter(
        (c) =>
          c.path.includes(`/v3/conversations/${encodeURIComponent(conversationId)}/activities`) ||
          c.path.includes(`/v3/conversations/${conversationId}/activities`),
      )
      .filter((c) => (method ? c.method === method : true))
      .flatMap((c) =>
        ((c.body?.['attachments'] as { content: Record<string, unknown> }[] | undefined) ?? []).map(
          (a) => a.content,
        ),
      );
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface Person {
  readonly id: string;
  readonly name: string;
}

export interface BotHarness {
  readonly app: App;
  readonly server: RunningServer;
  readonly connector: FakeConnector;
  post(
    activity: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown }>;
  /** A 1:1 message from a person. */
  say(from: Person, text: string): Promise<{ status: number; body: unknown }>;
  /** A message in a group chat. */
  sayInGroup(from: Person, chatId: string, text: string): Promise<{ status: number; body: unknown }>;
  /** An Action.Execute invoke from a card. */
  invoke(
    from: Person,
    verb: string,
    data: Record<string, unknown>,
    options?: { conversationId?: string; trigger?: 'manual' | 'automatic' },
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Another instance's SharePoint: both servers then share it, as two instances would. */
  readonly sharedEmulator?: SharePointEmulator;
  /** Another instance's Teams: both then talk to the same connector. */
  readonly sharedConnector?: FakeConnector;
}

export async function startBotHarness(
  adjust: (config: AppConfig) => AppConfig = (c) => c,
  options: HarnessOptions = {},
): Promise<BotHarness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pb-bot-'));
  const base = readConfig({ PB_MODE: 'local', PB_DATA_DIR: dataDir });
  if (base.mode !== 'local') throw new Error('local config expected');
  const config = adjust({ ...base, port: 0, emulatorPort: 0 });
  const connector = options.sharedConnector ?? new FakeConnector();
  if (!options.sharedConnector) await connector.start();
  const app = await compose(config, {
    quiet: true,
    ...(options.sharedEmulator ? { sharedEmulator: options.sharedEmulator } : {}),
  });
  const server = await startHttpServer(app);
  const activityBase = (from: Person, conversation: Record<string, unknown>) => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    recipient: { id: LOCAL_BOT_ID, name: 'Plan Builder' },
    from: { id: `29:${from.id}`, aadObjectId: from.id, name: from.name },
    conversation: { tenantId: 'local-tenant', ...conversation },
    channelData: { tenant: { id: 'local-tenant' } },
  });
  let n = 0;
  const post = async (activity: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  };
  return {
    app,
    server,
    connector,
    post,
    say: (from, text) =>
      post({
        ...activityBase(from, { id: `a:personal-${from.id}`, conversationType: 'personal' }),
        type: 'message',
        id: `m${++n}`,
        text,
      }),
    sayInGroup: (from, chatId, text) =>
      post({
        ...activityBase(from, {
          id: chatId,
          conversationType: 'groupChat',
          isGroup: true,
          name: 'Management team',
        }),
        type: 'message',
        id: `m${++n}`,
        text: `<at>Plan Builder</at> ${text}`,
        entities: [
          {
            type: 'mention',
            text: '<at>Plan Builder</at>',
            mentioned: { id: LOCAL_BOT_ID, name: 'Plan Builder' },
          },
        ],
      }),
    invoke: (from, verb, data, options = {}) =>
      post({
        ...activityBase(
          from,
          options.conversationId
            ? { id: options.conversationId, conversationType: 'groupChat', isGroup: true }
            : { id: `a:personal-${from.id}`, conversationType: 'personal' },
        ),
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `i${++n}`,
        value: { action: { type: 'Action.Execute', verb, data }, trigger: options.trigger ?? 'manual' },
      }),
    async close() {
      await server.close();
      await app.close();
      if (!options.sharedConnector) await connector.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
