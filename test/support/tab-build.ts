/**
 * The built tab for browser tests, built from source here (never a prebuilt folder) and once per source
 * state: the output is keyed by a hash of everything the tab compiles from, and parallel test files
 * wait on one build instead of racing to write the same folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = ['src/tab', 'src/shared', 'src/domain', 'package-lock.json', 'test/support/tab-build.ts'];
const LOCK_STALE_MS = 180_000;

function filesUnder(dir: string): string[] {
  const stat = statSync(dir);
  if (stat.isFile()) return [dir];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => filesUnder(path.join(dir, name)));
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((s) => filesUnder(path.join(root, s)))) {
    hash.update(path.relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the tab (or waits for the build another test file started) and returns its folder. */
export async function builtTab(): Promise<string> {
  const cache = path.join(root, '.local', 'tab-build');
  const out = path.join(cache, sourceHash());
  const lock = `${out}.lock`;
  mkdirSync(cache, { recursive: true });
  for (;;) {
    if (existsSync(path.join(out, 'index.html'))) return out;
    try {
      mkdirSync(lock);
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      const staging = `${out}.staging`;
      rmSync(staging, { recursive: true, force: true });
      const { build } = await import('vite');
      // React, Fluent and the JSX transform choose their builds by NODE_ENV, which vitest sets to "test".
      const nodeEnv = process.env['NODE_ENV'];
      process.env['NODE_ENV'] = 'production';
      try {
        await build({
          configFile: path.join(root, 'src/tab/vite.config.ts'),
          mode: 'production',
          logLevel: 'error',
          build: { outDir: staging, emptyOutDir: true },
        });
      } finally {
        process.env['NODE_ENV'] = nodeEnv;
      }
      renameSync(staging, out);
      // Builds of earlier source states are of no further use.
      for (const name of readdirSync(cache)) {
        const other = path.join(cache, name);
        if (other !== out && other !== lock && !name.endsWith('.lock') && !name.endsWith('.staging')) {
          rmSync(other, { recursive: true, force: true });
        }
      }
      return out;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface BundleFigures {
  /** Scripts the first page load fetches (entry and its modulepreloads), gzip -9. */
  readonly initialJsGzipBytes: number;
  readonly initialFiles: readonly string[];
  readonly totalJsGzipBytes: number;
}

export function bundleFigures(tabDir: string): BundleFigures {
  const html = readFileSync(path.join(tabDir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const gz = (file: string) => gzipSync(readFileSync(path.join(tabDir, file)), { level: 9 }).length;
  const all = readdirSync(path.join(tabDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  return {
    initialJsGzipBytes: initial.reduce((sum, f) => sum + gz(f), 0),
    initialFiles: initial,
    totalJsGzipBytes: all.reduce((sum, f) => sum + gz(f), 0),
  };
}
