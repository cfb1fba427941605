/**
 * Offline validation of a Teams app manifest against the official JSON schema that ships inside
 * `@microsoft/app-manifest` (every version up to 1.30 is bundled, so nothing is fetched).
 *
 * The package's own `AppManifestUtils.validateAgainstSchema` is used when it loads. Version 1.1.2 cannot load
 * in this project: its entry point requires `fs-extra`, which it lists only as a devDependency. Until that
 * changes, the same check runs through the package's own validator dependencies (ajv-draft-04 and
 * ajv-formats, resolved from the package's directory exactly as it resolves them) with the same options.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export type ValidatorName = 'AppManifestUtils.validateAgainstSchema' | 'ajv-draft-04 (as AppManifestUtils)';

export interface SchemaCheck {
  /** Empty when the manifest is valid; otherwise one line per schema error, as the toolkit prints them. */
  readonly errors: readonly string[];
  readonly schemaFile: string;
  readonly validator: ValidatorName;
}

const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[\d.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/i;

function packageDirectory(): string {
  return path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
}

/** The bundled schema file for a manifest's `$schema` URL, or an explanation of why there is none. */
export function bundledSchemaFile(schemaUrl: unknown): { file: string } | { problem: string } {
  if (typeof schemaUrl !== 'string') return { problem: 'the manifest has no $schema URL' };
  const match = SCHEMA_URL.exec(schemaUrl);
  if (!match) return { problem: `$schema is not a Teams manifest schema URL: ${schemaUrl}` };
  const file = path.join(
    packageDirectory(),
    'build',
    'json-schemas',
    'teams',
    match[1] ?? '',
    'MicrosoftTeams.schema.json',
  );
  if (!existsSync(file))
    return { problem: `@microsoft/app-manifest bundles no schema ${match[1]} (looked for ${file})` };
  return { file };
}

interface AjvValidate {
  (data: unknown): boolean;
  errors?: readonly { instancePath: string; message?: string; params?: unknown }[] | null;
}
interface AjvInstance {
  compile(schema: unknown): AjvValidate;
}
type AjvConstructor = new (options: { allErrors: boolean; strictTypes: boolean }) => AjvInstance;
type AddFormats = (ajv: AjvInstance, formats: readonly string[]) => unknown;
type OfficialValidate = (manifest: unknown, schema: unknown) => Promise<string[]>;

const defaultExport = <T>(module: unknown): T =>
  (typeof module === 'object' && module !== null && 'default' in module
    ? (module as { default: unknown }).default
    : module) as T;

/** Same messages as AppManifestUtils: `${instancePath} ${message}. Details: ${JSON params}`. */
function replicaValidate(manifest: unknown, schema: unknown): string[] {
  const fromPackage = createRequire(path.join(packageDirectory(), 'package.json'));
  const Ajv = defaultExport<AjvConstructor>(fromPackage('ajv-draft-04'));
  const addFormats = defaultExport<AddFormats>(fromPackage('ajv-formats'));
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(JSON.parse(JSON.stringify(manifest)))) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath} ${error.message ?? ''}. Details: ${error.params ? JSON.stringify(error.params) : ''}`,
  );
}

let official: OfficialValidate | null | undefined;

async function officialValidator(): Promise<OfficialValidate | null> {
  if (official !== undefined) return official;
  try {
    const module = await import('@microsoft/app-manifest');
    const utils = module.AppManifestUtils;
    official = (manifest, schema) =>
      utils.validateAgainstSchema(
        manifest as Parameters<typeof utils.validateAgainstSchema>[0],
        schema as Parameters<typeof utils.validateAgainstSchema>[1],
      );
  } catch (error) {
    // Only the known packaging fault is tolerated; anything else is a real failure.
    if (!(error instanceof Error && /fs-extra/.test(error.message))) throw error;
    official = null;
  }
  return official;
}

export async function validateTeamsManifest(manifest: unknown): Promise<SchemaCheck> {
  const $schema =
    typeof manifest === 'object' && manifest !== null
      ? (manifest as { $schema?: unknown }).$schema
      : undefined;
  const located = bundledSchemaFile($schema);
  if ('problem' in located)
    return { errors: [located.problem], schemaFile: '', validator: 'ajv-draft-04 (as AppManifestUtils)' };
  // The toolkit strips \a and \v escapes that some schema versions contain before parsing; so do we.
  const text = readFileSync(located.file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema: unknown = JSON.parse(text);
  const validate = await officialValidator();
  if (validate) {
    return {
      errors: await validate(manifest, schema),
      schemaFile: located.file,
      validator: 'AppManifestUtils.validateAgainstSchema',
    };
  }
  return {
    errors: replicaValidate(manifest, schema),
    schemaFile: located.file,
    validator: 'ajv-draft-04 (as AppManifestUtils)',
  };
}
