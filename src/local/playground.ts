/**
 * The Microsoft 365 Agents Playground, run as a child process for local mode and end-to-end tests: a
 * Teams-like web client with a mock Bot Connector, wired to our bot endpoint. Its person is fixed for the
 * life of the process (the config file's currentUser); to act as someone else, close it and start it
 * again. It listens on all interfaces; we only ever address it as 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Person } from '../ports/directory.js';
import {
  DEFAULT_GROUP_CHAT_ID,
  fitUsers,
  installedChatId,
  PLAYGROUND_CONFIG_FILE,
  playgroundConfigYaml,
} from './playground-config.js';

/**
 * The Playground's working folder (its config and log) for a data folder: inside it, so two instances with
 * data folders side by side never share one, and `--reset` clears it with the rest of the local data.
 */
export const playgroundWorkDir = (dataDir: string): string => path.join(dataDir, 'playground');

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  readonly botEndpoint: string;
  /** 0: pick a free one. */
  readonly port: number;
  /** The person acting in the Playground's page. */
  readonly currentUser: Person;
  /**
   * The other members of its group chat and team. The Playground takes exactly five: the first five
   * (other than currentUser) are used, fictitious guests fill a shorter list; `left` says who was dropped.
   */
  readonly users: readonly Person[];
  readonly tenantId: string;
  readonly botId: string;
  readonly botName: string;
  /** Where the config file and log go; a temp dir (removed on close) by default. */
  readonly workDir?: string;
  /** Kept the same across restarts so the bot's stored reference to the group chat stays valid. */
  readonly groupChatId?: string;
  readonly groupChatName?: string;
  /** Default: the chat id the local emulator gives when the app is installed for currentUser. */
  readonly personalChatId?: string;
  /** Bound on start-up; default 30 s. */
  readonly startTimeoutMs?: number;
}

export interface RunningPlayground {
  /** The page, e.g. http://127.0.0.1:56150 */
  readonly url: string;
  /** The mock Bot Connector: the serviceUrl for proactive sends. */
  readonly connectorUrl: string;
  readonly port: number;
  readonly groupChatId: string;
  readonly personalChatId: string;
  /** The CLI's process id, for diagnostics. */
  readonly pid: number | undefined;
  /** Holds its config file and its log (playground.log). */
  readonly workDir: string;
  /** People given as users who did not fit in the Playground's five. */
  readonly left: readonly Person[];
  /** Everything the CLI printed so far, for diagnostics. */
  output(): string;
  close(): Promise<void>;
}

export class PlaygroundStartError extends Error {
  readonly code = 'PLAYGROUND_START_FAILED';
  constructor(
    message: string,
    /** The port asked for was in use, so the CLI went elsewhere. */
    readonly portTaken: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

class PortTaken extends Error {}

const cliPath = (): string =>
  createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');

/**
 * The CLI would move to a random port if ours were taken, and then advertise a connector URL we did not
 * choose; so the port is chosen here, checked the way the CLI checks it (all interfaces), and verified.
 */
export async function pickFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Loaded into the CLI's node with --require: when our process goes away, however abruptly, the pipe on
 * the child's stdin closes and the Playground exits with it, so no orphan outlives a crashed parent.
 */
const PARENT_WATCH = `const gone = () => {
  const dir = process.env.PB_PLAYGROUND_TEMP_DIR;
  if (dir) require('node:fs').rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.stdin.on('end', gone);
process.stdin.on('error', gone);
process.stdin.resume();
`;

const tail = (text: string, max = 4000): string => (text.length > max ? `…${text.slice(-max)}` : text);
const OUTPUT_KEPT = 64_000;

/** Every live child, so an exiting parent can take them down synchronously. */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) killGroup(child, 'SIGKILL');
  });
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForListening(
  output: () => string,
  deadline: number,
  exited: () => boolean,
): Promise<number> {
  while (Date.now() < deadline && !exited()) {
    const port = /Listening on (\d+)/.exec(output())?.[1];
    if (port !== undefined) return Number(port);
    await pause(50);
  }
  throw new Error(exited() ? 'the Playground exited' : 'it did not say it was listening in time');
}

async function waitForPage(url: string, deadline: number, exited: () => boolean): Promise<void> {
  while (Date.now() < deadline && !exited()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await pause(150);
  }
  throw new Error(exited() ? 'the Playground exited' : `no HTTP 200 from ${url} in time`);
}

async function startOnce(options: PlaygroundOptions, port: number): Promise<RunningPlayground> {
  const ownDir = options.workDir === undefined;
  const workDir = options.workDir ?? mkdtempSync(path.join(tmpdir(), 'pb-playground-'));
  mkdirSync(workDir, { recursive: true });
  const { users, left } = fitUsers(options.currentUser, options.users);
  const personalChatId = options.personalChatId ?? installedChatId(options.currentUser.id, options.botId);
  const groupChatId = options.groupChatId ?? DEFAULT_GROUP_CHAT_ID;
  const configPath = path.join(workDir, PLAYGROUND_CONFIG_FILE);
  const logPath = path.join(workDir, 'playground.log');
  const watchPath = path.join(workDir, 'parent-watch.cjs');
  writeFileSync(
    configPath,
    playgroundConfigYaml({
      tenantId: options.tenantId,
      botId: options.botId,
      botName: options.botName,
      currentUser: options.currentUser,
      users,
      personalChatId,
      groupChatId,
      groupChatName: options.groupChatName ?? 'Management team',
    }),
  );
  writeFileSync(watchPath, PARENT_WATCH);
  const url = `http://127.0.0.1:${port}`;
  const connectorUrl = `${url}/_connector`;
  const child = spawn(
    process.execPath,
    [
      '--require',
      watchPath,
      cliPath(),
      'start',
      '--app-endpoint',
      options.botEndpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(port),
      '--service-url',
      connectorUrl,
      '--disable-telemetry',
    ],
    {
      cwd: workDir,
      detached: true, // its own process group, so close() takes down anything it starts
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: logPath,
        // A temp dir of ours goes with an orphaned child; a caller's own workDir stays.
        PB_PLAYGROUND_TEMP_DIR: ownDir ? workDir : '',
      },
    },
  );
  installExitHook();
  live.add(child);
  // A caller that forgets close() must not keep the process alive; the exit hook then ends the child.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as Socket | null)?.unref();
  // The CLI logs every activity; in a long local session only the recent output is worth keeping.
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = tail(output + chunk.toString(), OUTPUT_KEPT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    live.delete(child);
  });
  child.once('error', (error) => (output += `\n${error.message}`));

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      child.ref(); // whoever awaits close() gets to carry on after it
      killGroup(child, 'SIGTERM');
      const killed = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000).unref()),
      ]);
      if (!killed) {
        killGroup(child, 'SIGKILL');
        await exited;
      }
      child.stdin?.destroy();
      if (ownDir) rmSync(workDir, { recursive: true, force: true });
    })();
    return closing;
  };

  try {
    const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
    const listening = await waitForListening(
      () => output,
      deadline,
      () => hasExited,
    );
    if (listening !== port) throw new PortTaken(`it moved to port ${listening} because ${port} was taken`);
    await waitForPage(url, deadline, () => hasExited);
  } catch (error) {
    let log = '';
    try {
      log = readFileSync(logPath, 'utf8');
    } catch {
      // no log written
    }
    await close();
    throw new PlaygroundStartError(
      `The Agents Playground did not start on ${url}: ${error instanceof Error ? error.message : String(error)}.\n` +
        `CLI output:\n${tail(output) || '(none)'}` +
        (log && !output.includes(log.trim()) ? `\nLog:\n${tail(log)}` : ''),
      error instanceof PortTaken,
      { cause: error },
    );
  }
  return {
    url,
    connectorUrl,
    port,
    groupChatId,
    personalChatId,
    pid: child.pid,
    workDir,
    left,
    output: () => output,
    close,
  };
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  if (options.port !== 0) return startOnce(options, options.port);
  // A port found free can be taken before the CLI binds it; another try settles that race.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(options, await pickFreePort());
    } catch (error) {
      lastError = error;
      if (!(error instanceof PlaygroundStartError) || !error.portTaken) throw error;
    }
  }
  throw lastError;
}
