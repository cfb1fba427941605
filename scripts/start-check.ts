/**
 * `tsx scripts/start-check.ts`: starts the server the way `npm start` does (local mode, no Playground) on
 * free ports and a fresh data directory, under whichever Node runs this script, waits until it serves
 * /healthz, then stops it with SIGTERM and expects a clean exit. CI runs it on each supported Node.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const LIMIT_MS = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'pb-start-check-'));
const [port, emulatorPort] = [await freePort(), await freePort()];
const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts', '--no-playground'], {
  env: {
    ...process.env,
    PB_MODE: 'local',
    PORT: String(port),
    PB_EMULATOR_PORT: String(emulatorPort),
    PB_DATA_DIR: path.join(dataDir, 'data'),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
child.stdout.on('data', (c: Buffer) => (output += c.toString()));
child.stderr.on('data', (c: Buffer) => (output += c.toString()));
const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

function fail(message: string): never {
  child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  console.error(`start-check (Node ${process.version}): ${message}\n--- server output ---\n${output}`);
  process.exit(1);
}

const deadline = Date.now() + LIMIT_MS;
let health: unknown;
while (health === undefined) {
  if (Date.now() > deadline) fail(`no /healthz answer within ${LIMIT_MS / 1000} s`);
  if (child.exitCode !== null) fail(`the server exited with ${child.exitCode} before serving /healthz`);
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    if (res.ok) health = await res.json();
  } catch {
    await new Promise((r) => setTimeout(r, 250));
  }
}
if (JSON.stringify(health) !== JSON.stringify({ status: 'ok', mode: 'local' }))
  fail(`unexpected /healthz answer ${JSON.stringify(health)}`);
const healthyAfter = Date.now() - (deadline - LIMIT_MS);
child.kill('SIGTERM');
let timer: NodeJS.Timeout | undefined;
const code = await Promise.race([
  exited,
  new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), 30_000))),
]);
clearTimeout(timer);
if (code !== 0) fail(`stopping gave ${String(code)}, not a clean exit`);
rmSync(dataDir, { recursive: true, force: true });
console.log(
  `start-check: Node ${process.version} served /healthz ${healthyAfter} ms after start and stopped cleanly.`,
);
