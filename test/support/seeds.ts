/**
 * Where the councils' 2024 reports (the seeds) are. They are not part of the repo: tests and the page
 * calibration read them as fixtures from PB_SEEDS_DIR (absolute, or relative to the repo root), by default
 * ../shared/seeds beside the repo. The product (src/) never reads them.
 *
 * A test that needs them fails, saying where it looked and how to point it elsewhere; none is skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEEDS_DIR_VARIABLE = 'PB_SEEDS_DIR';
export const DEFAULT_SEEDS_DIR = '../shared/seeds';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The seeds folder this run reads, resolved against the repo root. */
export function seedsDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[SEEDS_DIR_VARIABLE]?.trim();
  return path.resolve(
    repoRoot,
    configured === undefined || configured === '' ? DEFAULT_SEEDS_DIR : configured,
  );
}

/** What a test that needs the seeds says when `wanted` (a file or the folder) is not there. */
export function seedsMissingMessage(wanted: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[SEEDS_DIR_VARIABLE]?.trim();
  const from =
    configured === undefined || configured === ''
      ? `${SEEDS_DIR_VARIABLE} is not set, so the default ${DEFAULT_SEEDS_DIR} from the repo root (${repoRoot})`
      : `${SEEDS_DIR_VARIABLE}=${configured}`;
  return (
    `This test needs the councils' reports (the seeds), which are not part of the repo: ` +
    `looked for ${wanted} (${from}). ` +
    `Set ${SEEDS_DIR_VARIABLE} to the folder that holds them (absolute, or relative to the repo root).`
  );
}

/** One seed's text, by its file name. */
export function readSeedFile(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const file = path.join(seedsDir(env), name);
  if (!existsSync(file)) throw new Error(seedsMissingMessage(file, env));
  return readFileSync(file, 'utf8');
}

/** The three real councils' reports, by council. */
export const SEEDS = {
  barking: '000_eeb0b9f86dbee0cd.txt',
  durham: '001_b6ae32b7cee650b1.txt',
  sandwell: '002_24edbbcf78c4a1f3.txt',
} as const;

export type SeedCouncil = keyof typeof SEEDS;

/** A council's report text. */
export const readSeed = (council: SeedCouncil): string => readSeedFile(SEEDS[council]);

/** The file names of every seed report (.txt), sorted. */
export function seedFileNames(env: NodeJS.ProcessEnv = process.env): string[] {
  const dir = seedsDir(env);
  if (!existsSync(dir)) throw new Error(seedsMissingMessage(dir, env));
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}
