import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnvFile } from '../../../scripts/env-file.js';
import { colourIconPixels, outlineIconPixels } from '../../../scripts/icons.js';
import { REPO_ROOT, buildAppPackage, type PackageOptions } from '../../../scripts/package-app.js';
import { encodePng } from '../../../scripts/png.js';
import { zip } from '../../../scripts/zip.js';
import { decodePng, readPngHeader } from './support/png-reader.js';
import { readZip } from './support/zip-reader.js';

const out = mkdtempSync(path.join(tmpdir(), 'pb-package-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const devFiles: PackageOptions['envFiles'] = [
  { path: path.join(REPO_ROOT, 'env', '.env.dev') },
  { path: path.join(REPO_ROOT, 'test', 'unit', 'ship', 'fixtures', 'provisioned-dev.env') },
];

async function built(label: string, envFiles = devFiles) {
  const result = await buildAppPackage({ envFiles, label, outDir: out });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.problems.join('; ')}`);
  return { ...result.value, files: readZip(readFileSync(result.value.zipPath)) };
}

const file = (files: { name: string; data: Buffer }[], name: string) => {
  const found = files.find((f) => f.name === name);
  if (!found) throw new Error(`${name} is not in the package`);
  return found.data;
};

describe('npm run package', () => {
  it('zips exactly the filled manifest and the two icons, at the root of the archive', async () => {
    const pkg = await built('dev');
    expect(pkg.files.map((f) => f.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const inside = JSON.parse(file(pkg.files, 'manifest.json').toString('utf8')) as { id: string };
    expect(inside).toEqual(pkg.manifest);
    expect(inside.id).toBe('5f0c9a52-8e43-4d1f-a6b7-2c3d4e5f6a7b');
    expect(readFileSync(pkg.manifestPath, 'utf8')).toBe(file(pkg.files, 'manifest.json').toString('utf8'));
  });

  it('has a 192×192 colour icon and a 32×32 outline icon, read from their IHDR chunks', async () => {
    const { files } = await built('sizes');
    expect(readPngHeader(file(files, 'color.png'))).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(file(files, 'outline.png'))).toMatchObject({ width: 32, height: 32 });
  });

  it('has an outline icon that is white on transparent, and an opaque colour icon', async () => {
    const { files } = await built('pixels');
    const outline = decodePng(file(files, 'outline.png')).rgba;
    const alphas = new Set<number>();
    for (let i = 0; i < outline.length; i += 4) {
      const alpha = outline[i + 3] ?? -1;
      alphas.add(alpha);
      if (alpha > 0)
        expect([outline[i], outline[i + 1], outline[i + 2]], `pixel ${i / 4}`).toEqual([255, 255, 255]);
    }
    expect(alphas.has(0)).toBe(true);
    expect(alphas.has(255)).toBe(true);
    const opaqueShare = [...Array(outline.length / 4).keys()].filter(
      (p) => outline[p * 4 + 3] === 255,
    ).length;
    expect(opaqueShare / (outline.length / 4)).toBeGreaterThan(0.2); // a glyph, not a speck
    const colour = decodePng(file(files, 'color.png')).rgba;
    for (let i = 3; i < colour.length; i += 4) expect(colour[i]).toBe(255);
  });

  it('ships the committed icons, which are exactly what the generator draws', () => {
    const committed = (name: string) => decodePng(readFileSync(path.join(REPO_ROOT, 'manifest', name))).rgba;
    expect(Buffer.from(committed('color.png')).equals(Buffer.from(colourIconPixels()))).toBe(true);
    expect(Buffer.from(committed('outline.png')).equals(Buffer.from(outlineIconPixels()))).toBe(true);
  });

  it('builds the same bytes twice: no timestamps leak in', async () => {
    const first = readFileSync((await built('again-1')).zipPath);
    const second = readFileSync((await built('again-2')).zipPath);
    expect(first.equals(second)).toBe(true);
  });

  it('refuses, naming them, when the environment files leave placeholders undefined', async () => {
    const partial = path.join(out, 'partial.env');
    const values = parseEnvFile(readFileSync(devFiles[1]?.path ?? '', 'utf8')).values;
    writeFileSync(
      partial,
      Object.entries(values)
        .filter(([key]) => key !== 'BOT_ID' && key !== 'TAB_DOMAIN')
        .map(([key, value]) => `${key}=${value}`)
        .join('\n'),
    );
    const result = await buildAppPackage({ envFiles: [{ path: partial }], label: 'partial', outDir: out });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('PLACEHOLDER_MISSING');
    expect([...result.error.problems].sort()).toEqual(expect.arrayContaining(['BOT_ID', 'TAB_DOMAIN']));
  });

  it('refuses a manifest that fails its schema, with the schema errors', async () => {
    const wrong = path.join(out, 'wrong.env');
    writeFileSync(wrong, 'BOT_ID=not-a-guid\n');
    const result = await buildAppPackage({
      envFiles: [...devFiles, { path: wrong }],
      label: 'wrong',
      outDir: out,
    });
    expect(result.ok ? 'built' : result.error.code).toBe('MANIFEST_INVALID');
    expect(result.ok ? [] : result.error.problems.join('\n')).toMatch(/botId/);
  });

  it('refuses a missing or malformed environment file instead of packaging half a manifest', async () => {
    const missing = await buildAppPackage({
      envFiles: [{ path: path.join(out, 'nope.env') }],
      label: 'x',
      outDir: out,
    });
    expect(missing.ok ? 'built' : missing.error.code).toBe('ENV_FILE_MISSING');
    const malformed = path.join(out, 'malformed.env');
    writeFileSync(malformed, 'BOT_ID = spaced\nexport TAB_DOMAIN=x\n');
    const bad = await buildAppPackage({ envFiles: [{ path: malformed }], label: 'x', outDir: out });
    expect(bad.ok ? 'built' : bad.error.code).toBe('ENV_FILE_INVALID');
  });
});

describe('package building blocks', () => {
  it('encodes PNGs any reader decodes to the same pixels, and refuses a wrong pixel count', () => {
    const pixels = Uint8Array.from({ length: 3 * 2 * 4 }, (_v, i) => (i * 37) % 256);
    expect(Buffer.from(decodePng(encodePng(3, 2, pixels)).rgba).equals(Buffer.from(pixels))).toBe(true);
    expect(() => encodePng(3, 2, pixels.subarray(1))).toThrow(RangeError);
  });

  it('zips files a reader gets back intact, and refuses names that escape the archive', () => {
    const entries = [
      { name: 'a.txt', data: Buffer.from('hello') },
      { name: 'b.bin', data: Buffer.alloc(10_000, 7) },
    ];
    expect(readZip(zip(entries))).toEqual(entries);
    expect(() => zip([{ name: '../evil', data: Buffer.alloc(1) }])).toThrow(RangeError);
    expect(() => zip([...entries, entries[0] ?? { name: '', data: Buffer.alloc(0) }])).toThrow(/Duplicate/);
  });

  it('reads env files as the toolkit does: quotes stripped, comments skipped, repeats reported', () => {
    const parsed = parseEnvFile('# c\nA=1\nB=" two "\n\nA=3\nnot a line\n');
    expect(parsed.values).toEqual({ A: '3', B: ' two ' });
    expect(parsed.problems).toHaveLength(2);
  });
});
