/**
 * teamsapp.yml and teamsapp.local.yml. The toolkit's YAML schema ships only inside
 * @microsoft/m365agentstoolkit-cli and @microsoft/teamsfx-core, which are not installed (see the ship report);
 * so these tests read the files with a strict YAML reader and check them against the parts of that schema
 * (v1.13) for the actions used here: required and allowed keys, the stages and actions the issue names,
 * files that exist, and environment variables that are defined before they are used.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvFile } from '../../../scripts/env-file.js';
import { REPO_ROOT } from '../../../scripts/package-app.js';
import { scanBicep } from './support/bicep-scan.js';
import { parseYamlSubset, YamlSubsetError, type YamlValue } from './support/yaml-subset.js';

type Action = {
  uses: string;
  name?: string;
  with?: Record<string, YamlValue>;
  writeToEnvironmentFile?: Record<string, string>;
};
type Project = {
  version: string;
  environmentFolderPath?: string;
  provision?: Action[];
  deploy?: Action[];
  publish?: Action[];
};

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const project = (file: string) => parseYamlSubset(read(file)) as unknown as Project;

/** From the toolkit's yaml.schema.json v1.13: `with` keys (required, allowed) and writeToEnvironmentFile keys. */
const ACTIONS: Record<
  string,
  { required: string[]; allowed: string[]; writes?: { required: string[]; allowed: string[] } }
> = {
  'aadApp/create': {
    required: ['name', 'generateClientSecret', 'signInAudience'],
    allowed: [
      'name',
      'generateClientSecret',
      'generateServicePrincipal',
      'signInAudience',
      'serviceManagementReference',
      'clientSecretExpireDays',
      'clientSecretDescription',
    ],
    writes: {
      required: ['clientId', 'objectId'],
      allowed: ['clientId', 'clientSecret', 'objectId', 'tenantId', 'authority', 'authorityHost'],
    },
  },
  'aadApp/update': {
    required: ['manifestPath', 'outputFilePath'],
    allowed: ['manifestPath', 'outputFilePath'],
  },
  'teamsApp/create': {
    required: ['name'],
    allowed: ['name'],
    writes: { required: ['teamsAppId'], allowed: ['teamsAppId', 'teamsAppTenantId'] },
  },
  'arm/deploy': {
    required: ['subscriptionId', 'resourceGroupName', 'templates'],
    allowed: ['subscriptionId', 'resourceGroupName', 'templates', 'bicepCliVersion'],
  },
  'botFramework/create': {
    required: ['botId', 'name', 'messagingEndpoint'],
    allowed: ['botId', 'name', 'messagingEndpoint', 'description', 'iconUrl', 'channels'],
  },
  'teamsApp/validateManifest': { required: ['manifestPath'], allowed: ['manifestPath'] },
  'teamsApp/zipAppPackage': {
    required: ['manifestPath', 'outputZipPath', 'outputFolder'],
    allowed: ['manifestPath', 'outputZipPath', 'outputFolder'],
  },
  'teamsApp/validateAppPackage': { required: ['appPackagePath'], allowed: ['appPackagePath'] },
  'teamsApp/update': { required: ['appPackagePath'], allowed: ['appPackagePath'] },
  'teamsApp/publishAppPackage': {
    required: ['appPackagePath'],
    allowed: ['appPackagePath'],
    writes: { required: ['publishedAppId'], allowed: ['publishedAppId'] },
  },
  'cli/runNpmCommand': { required: ['args'], allowed: ['args', 'workingDirectory'] },
  'azureAppService/zipDeploy': {
    required: ['artifactFolder', 'resourceId'],
    allowed: ['artifactFolder', 'resourceId', 'workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'],
  },
  'file/createOrUpdateEnvironmentFile': { required: ['envs', 'target'], allowed: ['envs', 'target'] },
};

const uses = (actions: Action[] | undefined) => (actions ?? []).map((a) => a.uses);
const placeholders = (value: unknown): string[] =>
  [...JSON.stringify(value ?? null).matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '');

function checkShape(doc: Project) {
  const problems: string[] = [];
  if (!/^v1\.\d+$/.test(doc.version)) problems.push(`version ${doc.version}`);
  for (const stage of ['provision', 'deploy', 'publish'] as const) {
    (doc[stage] ?? []).forEach((action, index) => {
      const at = `${stage}[${index}] ${action.uses}`;
      const rule = ACTIONS[action.uses];
      if (!rule) return problems.push(`${at}: action not known to the schema check`);
      const keys = Object.keys(action.with ?? {});
      for (const key of rule.required)
        if (!keys.includes(key)) problems.push(`${at}: with.${key} is required`);
      for (const key of keys)
        if (!rule.allowed.includes(key)) problems.push(`${at}: with.${key} is not allowed`);
      const writes = Object.keys(action.writeToEnvironmentFile ?? {});
      for (const key of rule.writes?.required ?? [])
        if (!writes.includes(key)) problems.push(`${at}: writes ${key} is required`);
      for (const key of writes)
        if (!(rule.writes?.allowed ?? []).includes(key)) problems.push(`${at}: writes ${key} is not allowed`);
      for (const key of Object.keys(action))
        if (!['uses', 'name', 'with', 'writeToEnvironmentFile', 'env'].includes(key))
          problems.push(`${at}: ${key}`);
      return undefined;
    });
  }
  return problems;
}

/** Walks the stages in order: a placeholder must be in the env file, or written by an earlier action. */
function undefinedPlaceholders(doc: Project, envFile: string): string[] {
  const known = new Set(Object.keys(parseEnvFile(read(envFile)).values));
  const missing: string[] = [];
  for (const stage of ['provision', 'deploy', 'publish'] as const) {
    for (const action of doc[stage] ?? []) {
      for (const name of placeholders(action.with))
        if (!known.has(name)) missing.push(`${action.uses}: ${name}`);
      for (const written of Object.values(action.writeToEnvironmentFile ?? {})) known.add(written);
      if (action.uses === 'arm/deploy') {
        const templates = (action.with?.['templates'] ?? []) as { path: string }[];
        for (const t of templates)
          for (const output of scanBicep(read(t.path)).outputs.keys()) known.add(output);
      }
      if (
        action.uses === 'file/createOrUpdateEnvironmentFile' &&
        String(action.with?.['target']).startsWith('./env/')
      )
        for (const key of Object.keys((action.with?.['envs'] ?? {}) as object)) known.add(key);
    }
  }
  return missing;
}

/** Paths in the project file that must exist in the repository (outputs under dist/ are made by the run). */
function missingFiles(file: string): string[] {
  const doc = project(file);
  const paths: string[] = [];
  for (const action of [...(doc.provision ?? []), ...(doc.deploy ?? []), ...(doc.publish ?? [])]) {
    for (const key of ['manifestPath', 'ignoreFile']) {
      const value = action.with?.[key];
      if (typeof value === 'string') paths.push(value);
    }
    for (const t of (action.with?.['templates'] ?? []) as { path: string; parameters?: string }[])
      paths.push(t.path, ...(t.parameters ? [t.parameters] : []));
  }
  return paths.filter((p) => !existsSync(path.join(REPO_ROOT, p)));
}

describe('teamsapp.yml (Azure: provision, deploy, publish)', () => {
  const doc = project('teamsapp.yml');

  it('uses only toolkit actions, each with the keys the toolkit schema requires and allows', () => {
    expect(checkShape(doc)).toEqual([]);
  });

  it('provisions the SSO app, the Teams app, Azure through arm/deploy, then validates, zips and updates the app', () => {
    const steps = uses(doc.provision);
    const order = [
      'aadApp/create',
      'teamsApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ];
    expect(steps.filter((s) => order.includes(s))).toEqual(order);
    const sso = doc.provision?.find((a) => a.uses === 'aadApp/create');
    expect(sso?.with?.['generateClientSecret']).toBe(false); // SSO needs no secret; Graph uses the identity
    const arm = doc.provision?.find((a) => a.uses === 'arm/deploy');
    expect(arm?.with?.['templates']).toEqual([
      {
        path: './infra/azure.bicep',
        parameters: './infra/azure.parameters.json',
        deploymentName: 'plan-builder',
      },
    ]);
  });

  it('deploys by building and zip-deploying to the App Service the Bicep creates', () => {
    expect(uses(doc.deploy)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    const zipDeploy = doc.deploy?.at(-1);
    expect(zipDeploy?.with?.['resourceId']).toBe('${{PB_APP_SERVICE_RESOURCE_ID}}');
    expect(scanBicep(read('infra/azure.bicep')).outputs.get('PB_APP_SERVICE_RESOURCE_ID')).toBe('site.id');
    expect(read('infra/.webappignore')).toMatch(/^node_modules\/$/m);
    expect(read('infra/.webappignore')).toMatch(/^env\/$/m); // no environment file is uploaded
  });

  it('publishes the package to the org catalog and keeps the catalog id', () => {
    expect(uses(doc.publish).at(-1)).toBe('teamsApp/publishAppPackage');
    expect(doc.publish?.at(-1)?.writeToEnvironmentFile).toEqual({
      publishedAppId: 'TEAMS_APP_PUBLISHED_APP_ID',
    });
  });

  it('points at files that exist and defines every ${{VARIABLE}} before using it', () => {
    expect(missingFiles('teamsapp.yml')).toEqual([]);
    expect(undefinedPlaceholders(doc, 'env/.env.dev')).toEqual([]);
  });

  it('feeds the Bicep parameters only from variables env/.env.dev defines or provision writes', () => {
    const parameters = JSON.parse(read('infra/azure.parameters.json')) as {
      parameters: Record<string, unknown>;
    };
    const known = new Set([
      ...Object.keys(parseEnvFile(read('env/.env.dev')).values),
      ...(doc.provision ?? []).flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {})),
    ]);
    expect(placeholders(parameters).filter((name) => !known.has(name))).toEqual([]);
  });
});

describe('teamsapp.local.yml (a developer machine through a dev tunnel)', () => {
  const doc = project('teamsapp.local.yml');

  it('uses only toolkit actions with the keys the schema requires and allows', () => {
    expect(checkShape(doc)).toEqual([]);
  });

  it('registers the bot with the app registration and writes the server settings to .localConfigs', () => {
    expect(uses(doc.provision)).toContain('botFramework/create');
    const bot = doc.provision?.find((a) => a.uses === 'botFramework/create');
    expect(bot?.with?.['messagingEndpoint']).toBe('${{TAB_ENDPOINT}}/api/messages');
    const config = doc.deploy?.find((a) => a.with?.['target'] === './.localConfigs');
    expect(config?.with?.['envs']).toMatchObject({
      PB_MODE: '${{PB_MODE}}',
      PB_CLIENT_SECRET: '${{SECRET_AAD_APP_CLIENT_SECRET}}',
    });
  });

  it('points at files that exist and defines every ${{VARIABLE}} before using it', () => {
    expect(missingFiles('teamsapp.local.yml')).toEqual([]);
    expect(undefinedPlaceholders(doc, 'env/.env.local')).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('catch an unknown key, a missing required key, a wrong output and an undefined variable', () => {
    const broken = [
      'version: v1.13',
      'provision:',
      '  - uses: teamsApp/create',
      '    with:',
      '      nam: plan-builder',
      '    writeToEnvironmentFile:',
      '      appId: TEAMS_APP_ID',
      '  - uses: teamsApp/update',
      '    with:',
      '      appPackagePath: ./dist/${{NOT_DEFINED_ANYWHERE}}.zip',
      '  - uses: teamsApp/frobnicate',
    ].join('\n');
    const doc = parseYamlSubset(broken) as unknown as Project;
    expect(checkShape(doc)).toEqual([
      'provision[0] teamsApp/create: with.name is required',
      'provision[0] teamsApp/create: with.nam is not allowed',
      'provision[0] teamsApp/create: writes teamsAppId is required',
      'provision[0] teamsApp/create: writes appId is not allowed',
      'provision[2] teamsApp/frobnicate: action not known to the schema check',
    ]);
    expect(undefinedPlaceholders(doc, 'env/.env.dev')).toEqual(['teamsApp/update: NOT_DEFINED_ANYWHERE']);
  });

  it('read YAML strictly: flow collections and duplicate keys are errors, scalars keep their types', () => {
    expect(() => parseYamlSubset('a: [1, 2]')).toThrow(YamlSubsetError);
    expect(() => parseYamlSubset('a: 1\na: 2')).toThrow(/duplicate/);
    expect(parseYamlSubset("a: 'x # y'\nb: false\nc: 8080 # port\nd:\n  - e: 1\n    f: two\n  - g")).toEqual({
      a: 'x # y',
      b: false,
      c: 8080,
      d: [{ e: 1, f: 'two' }, 'g'],
    });
  });
});
