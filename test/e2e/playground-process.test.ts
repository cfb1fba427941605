/**
 * startPlayground as a process: the config the Playground loads is the people we gave it, it answers on
 * the port it was given, close() leaves nothing running, a taken port is a clear error, and a parent that
 * dies abruptly takes its Playground with it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allDemoPeople, demoPeople } from '../../src/local/demo/people.js';
import { installedChatId } from '../../src/local/playground-config.js';
import {
  pickFreePort,
  PlaygroundStartError,
  startPlayground,
  type PlaygroundOptions,
  type RunningPlayground,
} from '../../src/local/playground.js';

const BOT = 'plan-builder-local-bot';
const lead = demoPeople.planLead;
const everyoneElse = allDemoPeople.filter((p) => p.id !== lead.id);
// The Playground checks the bot before answering some of its own requests (15 s when nothing is
// there), so a bot that accepts everything stands in for ours.
let bot: HttpServer;
let botEndpoint = '';
beforeAll(async () => {
  bot = createHttpServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
  botEndpoint = `http://127.0.0.1:${(bot.address() as AddressInfo).port}/api/messages`;
});

const options = (): PlaygroundOptions => ({
  botEndpoint,
  port: 0,
  currentUser: lead,
  users: everyoneElse,
  tenantId: 'local-tenant',
  botId: BOT,
  botName: 'Plan Builder',
});

const answers = async (url: string): Promise<boolean> => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
};

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

const started: RunningPlayground[] = [];
afterAll(async () => {
  for (const playground of started) await playground.close();
  await new Promise((resolve) => bot.close(resolve));
});

interface LoadedConfig {
  readonly config: {
    readonly tenantId: string;
    readonly bot: { id: string; name: string };
    readonly currentUser: { id: string; aadObjectId: string; name: string; userPrincipleName: string };
    readonly users: readonly { id: string; aadObjectId: string; name: string }[];
    readonly personalChat: { id: string };
    readonly groupChats: readonly { id: string; name: string }[];
  };
}

describe('startPlayground', () => {
  it('loads the people given, with their directory ids as id and aadObjectId, on 127.0.0.1', async () => {
    const playground = await startPlayground(options());
    started.push(playground);
    expect(playground.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(playground.connectorUrl).toBe(`${playground.url}/_connector`);
    const loaded = (await (await fetch(`${playground.url}/_internal/v1/config`)).json()) as LoadedConfig;
    const { config } = loaded;
    expect(config.tenantId).toBe('local-tenant');
    expect(config.bot).toEqual({ id: BOT, name: 'Plan Builder' });
    expect(config.currentUser).toMatchObject({
      id: lead.id,
      aadObjectId: lead.id,
      name: lead.displayName,
      userPrincipleName: lead.mail,
    });
    // The Playground's schema takes exactly five other users; the rest are reported, not lost silently.
    expect(config.users.map((u) => [u.id, u.aadObjectId, u.name])).toEqual(
      everyoneElse.slice(0, 5).map((p) => [p.id, p.id, p.displayName]),
    );
    expect(playground.left.map((p) => p.id)).toEqual(everyoneElse.slice(5).map((p) => p.id));
    expect(config.personalChat.id).toBe(installedChatId(lead.id, BOT));
    expect(config.groupChats.map((c) => c.id)).toEqual([playground.groupChatId]);
  }, 30_000);

  it('fills a short list with guests, and quotes names safely', async () => {
    const odd = {
      id: 'f1000000-0000-4000-8000-000000000001',
      displayName: 'Siân O\'Brien "#1": yes',
      mail: null,
      jobTitle: null,
    };
    const playground = await startPlayground({ ...options(), users: [odd, lead, odd] });
    started.push(playground);
    const { config } = (await (await fetch(`${playground.url}/_internal/v1/config`)).json()) as LoadedConfig;
    expect(config.users).toHaveLength(5);
    expect(config.users[0]).toMatchObject({ id: odd.id, aadObjectId: odd.id, name: odd.displayName });
    expect(config.users.slice(1).map((u) => u.name)).toEqual(['Guest 1', 'Guest 2', 'Guest 3', 'Guest 4']);
    expect(playground.left).toEqual([]);
  }, 30_000);

  it('close() stops it and removes its working directory', async () => {
    const playground = await startPlayground(options());
    expect(existsSync(path.join(playground.workDir, '.m365agentsplayground.yml'))).toBe(true);
    expect(await answers(playground.url)).toBe(true);
    await playground.close();
    expect(await answers(playground.url)).toBe(false);
    expect(existsSync(playground.workDir)).toBe(false);
    await playground.close(); // twice is harmless
  }, 30_000);

  it('refuses, with the CLI output, when the port asked for is taken', async () => {
    const port = await pickFreePort();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, resolve));
    try {
      const failure = await startPlayground({ ...options(), port }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PlaygroundStartError);
      const error = failure as PlaygroundStartError;
      expect(error.code).toBe('PLAYGROUND_START_FAILED');
      expect(error.portTaken).toBe(true);
      expect(error.message).toContain(`${port} was taken`);
      expect(error.message).toContain('CLI output:');
      expect(error.message).toMatch(/Listening on \d+/);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  }, 30_000);

  it('goes down with a parent that is killed outright, taking its temp dir', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/start-playground.ts', import.meta.url));
    const parent = spawn(process.execPath, ['--import', 'tsx', fixture], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let printed = '';
    parent.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    parent.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const ready = await eventually(async () => /READY \S+ \d+ \S+/.test(printed), 20_000);
    expect(ready, printed).toBe(true);
    const [, url = '', pid = '', workDir = ''] = /READY (\S+) (\d+) (\S+)/.exec(printed) ?? [];
    try {
      expect(await answers(url)).toBe(true);
      parent.kill('SIGKILL');
      expect(await eventually(async () => !(await answers(url)), 10_000)).toBe(true);
      expect(await eventually(async () => !existsSync(workDir), 5_000)).toBe(true);
    } finally {
      // Should the watch fail, do not leave the orphan behind.
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // gone, as it should be
      }
    }
  }, 40_000);
});
