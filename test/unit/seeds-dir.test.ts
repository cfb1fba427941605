/** Where the tests look for the councils' reports (test/support/seeds.ts), and what they say when it is empty. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSeedFile, seedFileNames, seedsDir } from '../support/seeds.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const elsewhere = mkdtempSync(path.join(tmpdir(), 'pb-seeds-'));
writeFileSync(path.join(elsewhere, 'b.txt'), 'second');
writeFileSync(path.join(elsewhere, 'a.txt'), 'first');
writeFileSync(path.join(elsewhere, 'notes.md'), 'not a seed');
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

describe('the seeds folder', () => {
  it('is ../shared/seeds from the repo root when PB_SEEDS_DIR is unset or empty', () => {
    const beside = path.resolve(repoRoot, '../shared/seeds');
    expect(seedsDir({})).toBe(beside);
    expect(seedsDir({ PB_SEEDS_DIR: '  ' })).toBe(beside);
  });

  it('is PB_SEEDS_DIR, a relative one taken from the repo root whatever the working folder', () => {
    expect(seedsDir({ PB_SEEDS_DIR: elsewhere })).toBe(elsewhere);
    expect(seedsDir({ PB_SEEDS_DIR: 'fixtures/seeds' })).toBe(path.resolve(repoRoot, 'fixtures/seeds'));
  });

  it('reads the reports there', () => {
    const env = { PB_SEEDS_DIR: elsewhere };
    expect(seedFileNames(env)).toEqual(['a.txt', 'b.txt']);
    expect(readSeedFile('a.txt', env)).toBe('first');
  });

  it('says where it looked and how to set it when a report is not there', () => {
    const env = { PB_SEEDS_DIR: elsewhere };
    const wanted = path.join(elsewhere, '000_missing.txt');
    expect(() => readSeedFile('000_missing.txt', env)).toThrow(wanted);
    expect(() => readSeedFile('000_missing.txt', env)).toThrow(`PB_SEEDS_DIR=${elsewhere}`);
    expect(() => seedFileNames({ PB_SEEDS_DIR: path.join(elsewhere, 'none') })).toThrow(
      /needs the councils' reports .* looked for .*none.* Set PB_SEEDS_DIR to the folder that holds them/,
    );
    expect(() => readSeedFile('a.txt', {})).not.toThrow(/PB_SEEDS_DIR=/);
  });

  it('names the default and the repo root when PB_SEEDS_DIR is unset', () => {
    const env = { PB_SEEDS_DIR: path.join(elsewhere, 'none') };
    expect(() => readSeedFile('x.txt', env)).toThrow(/looked for .*none.x\.txt/);
    let said = '';
    try {
      readSeedFile('000_not_a_seed.txt', {});
    } catch (error) {
      said = (error as Error).message;
    }
    expect(said).toContain('PB_SEEDS_DIR is not set, so the default ../shared/seeds from the repo root');
    expect(said).toContain(path.resolve(repoRoot, '../shared/seeds', '000_not_a_seed.txt'));
  });
});
