import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillJsonPlaceholders, parseEnvFile, placeholdersIn } from '../../../scripts/env-file.js';
import { ACCENT_COLOUR } from '../../../scripts/icons.js';
import { bundledSchemaFile, validateTeamsManifest } from '../../../scripts/manifest-schema.js';
import { REPO_ROOT } from '../../../scripts/package-app.js';

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const template = read('manifest/manifest.json');
const envKeys = (file: string) => Object.keys(parseEnvFile(read(file)).values);

/** env/.env.dev as a council fills it in, plus what `provision` writes (test fixture). */
function provisionedDev(): Record<string, string> {
  return {
    ...parseEnvFile(read('env/.env.dev')).values,
    ...parseEnvFile(read('test/unit/ship/fixtures/provisioned-dev.env')).values,
  };
}

interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  accentColor: string;
  staticTabs: { entityId: string; contentUrl?: string; scopes: string[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[] }[];
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string }[] }[];
  }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
}

function filledManifest(values: Record<string, string> = provisionedDev()): Manifest {
  const filled = fillJsonPlaceholders(template, values);
  expect(filled.missing).toEqual([]);
  return JSON.parse(filled.text) as Manifest;
}

describe('Teams app manifest', () => {
  it('declares every placeholder it uses in both toolkit environments', () => {
    const used = placeholdersIn(template);
    expect(used.length).toBeGreaterThan(5);
    for (const envFile of ['env/.env.dev', 'env/.env.local']) {
      const declared = new Set(envKeys(envFile));
      expect(
        used.filter((name) => !declared.has(name)),
        envFile,
      ).toEqual([]);
    }
  });

  it('validates offline against the official schema bundled in @microsoft/app-manifest', async () => {
    const manifest = filledManifest();
    const check = await validateTeamsManifest(manifest);
    expect(check.errors).toEqual([]);
    expect(check.schemaFile).toMatch(
      /@microsoft[\\/]app-manifest[\\/]build[\\/]json-schemas[\\/]teams[\\/]v1\.\d+/,
    );
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(25);
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
  });

  it('is refused by the same check when a value is wrong, so the validation is live', async () => {
    const badBot = filledManifest({ ...provisionedDev(), BOT_ID: 'not-a-guid' });
    expect((await validateTeamsManifest(badBot)).errors.join('\n')).toMatch(/\/bots\/0\/botId/);
    const unprovisioned = filledManifest(parseEnvFile(read('env/.env.dev')).values);
    expect((await validateTeamsManifest(unprovisioned)).errors.length).toBeGreaterThan(0);
    const extra = { ...filledManifest(), surprise: true };
    expect((await validateTeamsManifest(extra)).errors.join('\n')).toMatch(/additional properties/);
  });

  it('finds no bundled schema for a manifest that does not name one', () => {
    expect(bundledSchemaFile(undefined)).toEqual({ problem: 'the manifest has no $schema URL' });
    expect(
      bundledSchemaFile(
        'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json',
      ),
    ).toHaveProperty('problem');
    expect(
      bundledSchemaFile(
        'https://developer.microsoft.com/json-schemas/teams/v1.25/MicrosoftTeams.schema.json',
      ),
    ).toHaveProperty('file');
  });

  it('has the personal plan list, a configurable tab for teams and group chats, and the bot in three scopes', () => {
    const manifest = filledManifest();
    const plans = manifest.staticTabs.find((tab) => tab.entityId === 'plans');
    expect(plans?.scopes).toEqual(['personal']);
    // Teams mobile shows a tab in a web view, not a frame: the flag is how the tab knows it is in Teams there.
    expect(plans?.contentUrl).toBe('https://planbuilderdemoborough.azurewebsites.net/?inTeams=1#/plans');
    expect(manifest.configurableTabs).toHaveLength(1);
    expect([...(manifest.configurableTabs[0]?.scopes ?? [])].sort()).toEqual(['groupChat', 'team']);
    const bot = manifest.bots[0];
    expect([...(bot?.scopes ?? [])].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot?.botId).toBe('e4d3c2b1-a098-4f7e-8d6c-5b4a39281706');
  });

  it('lists the bot commands per scope; choosing the management team chat only where there is a chat', () => {
    const lists = filledManifest().bots[0]?.commandLists ?? [];
    const titles = (scope: string) =>
      lists.filter((l) => l.scopes.includes(scope)).flatMap((l) => l.commands.map((c) => c.title));
    expect(titles('personal')).toEqual(['help', 'status', 'my sections']);
    for (const scope of ['groupChat', 'team'])
      expect(titles(scope)).toEqual(['help', 'status', 'my sections', 'use this chat for management team']);
  });

  it('asks for SSO tokens for api://<host>/<client id> on a domain the app loads from', () => {
    const manifest = filledManifest();
    const values = provisionedDev();
    expect(manifest.webApplicationInfo).toEqual({
      id: values['AAD_APP_CLIENT_ID'],
      resource: `api://${values['TAB_DOMAIN']}/${values['AAD_APP_CLIENT_ID']}`,
    });
    const hosts = [
      ...manifest.staticTabs.flatMap((t) => (t.contentUrl ? [t.contentUrl] : [])),
      ...manifest.configurableTabs.map((t) => t.configurationUrl),
    ].map((url) => new URL(url).host);
    for (const host of hosts) expect(manifest.validDomains).toContain(host);
  });

  it('uses the icon generator accent colour, so the colour icon background matches', () => {
    expect(filledManifest().accentColor).toBe(ACCENT_COLOUR);
  });
});

describe('Entra app manifest for tab SSO', () => {
  const aad = read('manifest/aad.manifest.json');
  const filled = JSON.parse(fillJsonPlaceholders(aad, provisionedDev()).text) as {
    identifierUris: string[];
    signInAudience: string;
    api: {
      requestedAccessTokenVersion: number;
      oauth2PermissionScopes: { value: string; id: string; isEnabled: boolean }[];
      preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
    };
    requiredResourceAccess: unknown[];
  };

  it('exposes access_as_user at the same URI the Teams manifest names', () => {
    const teams = filledManifest();
    expect(filled.identifierUris).toEqual([teams.webApplicationInfo.resource]);
    const scope = filled.api.oauth2PermissionScopes.find((s) => s.value === 'access_as_user');
    expect(scope?.isEnabled).toBe(true);
    expect(filled.signInAudience).toBe('AzureADMyOrg');
    expect(filled.api.requestedAccessTokenVersion).toBe(2);
  });

  it('pre-authorises the Teams desktop, mobile and web clients for that scope only', () => {
    const scopeId = filled.api.oauth2PermissionScopes[0]?.id;
    expect(filled.api.preAuthorizedApplications.map((p) => p.appId).sort()).toEqual([
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    ]);
    for (const app of filled.api.preAuthorizedApplications)
      expect(app.delegatedPermissionIds).toEqual([scopeId]);
  });

  it('asks Graph for nothing: Graph is called by the managed identity', () => {
    expect(filled.requiredResourceAccess).toEqual([]);
    expect(placeholdersIn(aad).filter((n) => !envKeys('env/.env.dev').includes(n))).toEqual([]);
  });
});
