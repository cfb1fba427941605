/**
 * `npm run package [-- --env dev]`: builds the Teams app package the way the Agents Toolkit's
 * `teamsApp/zipAppPackage` does — `manifest/manifest.json` with its `${{NAME}}` placeholders filled from
 * `env/.env.<env>` (then `env/.env.<env>.user`), checked against the official schema offline, zipped with the
 * two icons into `dist/appPackage/appPackage.<env>.zip`.
 *
 * `npm run package -- --icons` redraws `manifest/color.png` and `manifest/outline.png` from `icons.ts`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Result } from '../src/domain/support/result.js';
import { fillJsonPlaceholders, parseEnvFile } from './env-file.js';
import { colourIconPng, outlineIconPng } from './icons.js';
import { validateTeamsManifest, type ValidatorName } from './manifest-schema.js';
import { zip } from './zip.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type PackageFailureCode =
  | 'ENV_FILE_MISSING'
  | 'ENV_FILE_INVALID'
  | 'PLACEHOLDER_MISSING'
  | 'MANIFEST_NOT_JSON'
  | 'MANIFEST_INVALID'
  | 'ICON_MISSING';

export interface PackageFailure {
  readonly code: PackageFailureCode;
  readonly message: string;
  readonly problems: readonly string[];
}

export interface PackageBuilt {
  readonly zipPath: string;
  readonly manifestPath: string;
  readonly manifest: unknown;
  readonly validator: ValidatorName;
}

export interface PackageOptions {
  /** Holds `manifest/`; the repository root unless a test points elsewhere. */
  readonly root?: string;
  /** Environment files, later ones overriding earlier ones; files marked optional may be absent. */
  readonly envFiles: readonly { readonly path: string; readonly optional?: boolean }[];
  /** Names the outputs: `appPackage.<label>.zip`, `manifest.<label>.json`. */
  readonly label: string;
  readonly outDir?: string;
}

const fail = (code: PackageFailureCode, message: string, problems: readonly string[] = []) =>
  ({ ok: false, error: { code, message, problems } }) as const;

/** The files for environment `name`, as the toolkit reads them. */
export function toolkitEnvFiles(root: string, name: string): PackageOptions['envFiles'] {
  return [
    { path: path.join(root, 'env', `.env.${name}`) },
    { path: path.join(root, 'env', `.env.${name}.user`), optional: true },
  ];
}

export function readEnvFiles(
  files: PackageOptions['envFiles'],
): Result<Record<string, string>, PackageFailure> {
  const values: Record<string, string> = {};
  for (const file of files) {
    if (!existsSync(file.path)) {
      if (file.optional) continue;
      return fail('ENV_FILE_MISSING', `No environment file ${file.path}`);
    }
    const parsed = parseEnvFile(readFileSync(file.path, 'utf8'));
    if (parsed.problems.length > 0)
      return fail('ENV_FILE_INVALID', `${file.path} has lines the toolkit would misread`, parsed.problems);
    Object.assign(values, parsed.values);
  }
  return { ok: true, value: values };
}

export async function buildAppPackage(
  options: PackageOptions,
): Promise<Result<PackageBuilt, PackageFailure>> {
  const root = options.root ?? REPO_ROOT;
  const outDir = options.outDir ?? path.join(root, 'dist', 'appPackage');
  const env = readEnvFiles(options.envFiles);
  if (!env.ok) return env;

  const template = readFileSync(path.join(root, 'manifest', 'manifest.json'), 'utf8');
  const filled = fillJsonPlaceholders(template, env.value);
  if (filled.missing.length > 0)
    return fail(
      'PLACEHOLDER_MISSING',
      `The environment files do not define ${filled.missing.join(', ')}`,
      filled.missing,
    );
  let manifest: unknown;
  try {
    manifest = JSON.parse(filled.text);
  } catch (error) {
    return fail('MANIFEST_NOT_JSON', `manifest.json is not JSON once filled: ${String(error)}`);
  }
  const check = await validateTeamsManifest(manifest);
  if (check.errors.length > 0)
    return fail('MANIFEST_INVALID', 'The manifest does not match its Teams schema', check.errors);

  const icons = manifest as { icons?: { color?: unknown; outline?: unknown } };
  const iconNames = [icons.icons?.color, icons.icons?.outline].filter(
    (n): n is string => typeof n === 'string',
  );
  const missingIcons = iconNames.filter((name) => !existsSync(path.join(root, 'manifest', name)));
  if (missingIcons.length > 0)
    return fail(
      'ICON_MISSING',
      `Icons named in the manifest are missing: ${missingIcons.join(', ')}`,
      missingIcons,
    );

  const manifestJson = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const archive = zip([
    { name: 'manifest.json', data: manifestJson },
    ...iconNames.map((name) => ({ name, data: readFileSync(path.join(root, 'manifest', name)) })),
  ]);
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${options.label}.zip`);
  const manifestPath = path.join(outDir, `manifest.${options.label}.json`);
  writeFileSync(zipPath, archive);
  writeFileSync(manifestPath, manifestJson);
  return { ok: true, value: { zipPath, manifestPath, manifest, validator: check.validator } };
}

export function writeIcons(root = REPO_ROOT): readonly string[] {
  const written = [
    { file: path.join(root, 'manifest', 'color.png'), data: colourIconPng() },
    { file: path.join(root, 'manifest', 'outline.png'), data: outlineIconPng() },
  ];
  for (const { file, data } of written) writeFileSync(file, data);
  return written.map((w) => w.file);
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--icons')) {
    for (const file of writeIcons()) console.log(`Wrote ${path.relative(REPO_ROOT, file)}`);
    return 0;
  }
  const at = argv.indexOf('--env');
  const name = at >= 0 ? argv[at + 1] : 'dev';
  if (!name || !/^[\w-]+$/.test(name)) {
    console.error('Usage: npm run package -- --env <name>   (reads env/.env.<name>)');
    return 2;
  }
  const result = await buildAppPackage({ envFiles: toolkitEnvFiles(REPO_ROOT, name), label: name });
  if (!result.ok) {
    console.error(`Cannot build the app package (${result.error.code}): ${result.error.message}`);
    for (const problem of result.error.problems) console.error(`  - ${problem}`);
    return 1;
  }
  console.log(`Manifest valid against its schema (${result.value.validator}).`);
  console.log(`Wrote ${path.relative(REPO_ROOT, result.value.zipPath)}`);
  return 0;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
