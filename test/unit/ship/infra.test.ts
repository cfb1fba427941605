/**
 * infra/*.bicep, read without a compiler (none can be had offline: see the ship report): the resources the
 * app needs exist with the settings it relies on, every variable the server reads is set in Azure or has a
 * stated reason not to be, and Graph permissions stay least privilege.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvFile } from '../../../scripts/env-file.js';
import { REPO_ROOT } from '../../../scripts/package-app.js';
import { CONFIG_VARIABLES } from '../../../src/server/config.js';
import { objectEntries, scanBicep, valueAt, type BicepResource } from './support/bicep-scan.js';

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const azure = scanBicep(read('infra/azure.bicep'));
const graph = scanBicep(read('infra/graph-permissions.bicep'));

function resource(type: string, file = azure): BicepResource {
  const found = file.resources.filter((r) => r.type === type);
  expect(found, type).toHaveLength(1);
  return found[0] as BicepResource;
}

const appSettings = () => {
  const config = resource('Microsoft.Web/sites/config');
  expect(valueAt(config.body, 'name')).toBe("'appsettings'");
  return objectEntries((valueAt(config.body, 'properties') ?? '').slice(1, -1));
};

/** Variables the server reads that are deliberately not App Service settings, and why. */
const NOT_IN_AZURE: Readonly<Record<string, string>> = {
  PB_DATA_DIR: 'local mode only: where the SharePoint emulator keeps its data',
  PB_EMULATOR_PORT: 'local mode only: the port of the SharePoint emulator',
  PB_EMULATOR_RU_BUDGET: 'local mode only: the RU budget the SharePoint emulator enforces',
  PB_CLIENT_SECRET:
    'alternative Graph credential; Azure uses the managed identity and the server refuses two',
  PB_CERTIFICATE_PATH: 'alternative Graph credential (certificate); see PB_CLIENT_SECRET',
  PB_CERTIFICATE_THUMBPRINT: 'alternative Graph credential (certificate); see PB_CLIENT_SECRET',
};
/** Local mode has no toolkit environment: these live in README, not in env/. */
const LOCAL_MODE_ONLY = ['PB_DATA_DIR', 'PB_EMULATOR_PORT', 'PB_EMULATOR_RU_BUDGET'];

describe('Azure infrastructure (infra/azure.bicep)', () => {
  it('runs the server on Linux App Service, Node 22 LTS, always on, HTTPS only, npm start, health at /healthz', () => {
    const plan = resource('Microsoft.Web/serverfarms');
    expect(valueAt(plan.body, 'properties.reserved')).toBe('true');
    const site = resource('Microsoft.Web/sites');
    expect(valueAt(site.body, 'kind')).toBe("'app,linux'");
    expect(valueAt(site.body, 'properties.httpsOnly')).toBe('true');
    expect(valueAt(site.body, 'properties.serverFarmId')).toBe('plan.id');
    expect(valueAt(site.body, 'properties.siteConfig.linuxFxVersion')).toBe("'NODE|22-lts'");
    expect(valueAt(site.body, 'properties.siteConfig.alwaysOn')).toBe('true');
    expect(valueAt(site.body, 'properties.siteConfig.appCommandLine')).toBe("'npm start'");
    expect(valueAt(site.body, 'properties.siteConfig.healthCheckPath')).toBe("'/healthz'");
    expect(valueAt(site.body, 'properties.siteConfig.ftpsState')).toBe("'Disabled'");
  });

  it('gives the site one user-assigned managed identity, which is also the bot identity', () => {
    const identity = resource('Microsoft.ManagedIdentity/userAssignedIdentities');
    const site = resource('Microsoft.Web/sites');
    expect(valueAt(site.body, 'identity.type')).toBe("'UserAssigned'");
    expect(valueAt(site.body, 'identity.userAssignedIdentities')).toContain(`${identity.symbol}.id`);
    const bot = resource('Microsoft.BotService/botServices');
    expect(valueAt(bot.body, 'kind')).toBe("'azurebot'");
    expect(valueAt(bot.body, 'properties.msaAppType')).toBe("'UserAssignedMSI'");
    expect(valueAt(bot.body, 'properties.msaAppId')).toBe(`${identity.symbol}.properties.clientId`);
    expect(valueAt(bot.body, 'properties.msaAppMSIResourceId')).toBe(`${identity.symbol}.id`);
    expect(valueAt(bot.body, 'properties.endpoint')).toBe(
      "'https://${site.properties.defaultHostName}/api/messages'",
    );
  });

  it('connects the bot to Microsoft Teams', () => {
    const bot = resource('Microsoft.BotService/botServices');
    const channel = resource('Microsoft.BotService/botServices/channels');
    expect(valueAt(channel.body, 'parent')).toBe(bot.symbol);
    expect(valueAt(channel.body, 'name')).toBe("'MsTeamsChannel'");
    expect(valueAt(channel.body, 'properties.channelName')).toBe("'MsTeamsChannel'");
  });

  it('wires the identity, the SSO app and the public address into the settings the server reads', () => {
    const identity = resource('Microsoft.ManagedIdentity/userAssignedIdentities').symbol;
    const settings = appSettings();
    expect(settings.get('PB_CLIENT_ID')).toBe(`${identity}.properties.clientId`);
    expect(settings.get('PB_USE_MANAGED_IDENTITY')).toBe("'true'");
    expect(settings.get('PB_SSO_AUDIENCE')).toBe('ssoClientId');
    expect(azure.vars.get(settings.get('PB_MODE') ?? '')).toBe("'tenant'");
    expect(azure.vars.get(settings.get('PB_PUBLIC_URL') ?? '')).toBe(
      "'https://${site.properties.defaultHostName}'",
    );
    expect(settings.get('PORT')).toBe(settings.get('WEBSITES_PORT'));
    // The bot's id in the Teams manifest (BOT_ID) is the identity the bot service and the server both use.
    expect(azure.outputs.get('BOT_ID')).toBe(settings.get('PB_CLIENT_ID'));
  });

  it('sets every variable the server reads, or says why not (CONFIG_VARIABLES)', () => {
    const settings = appSettings();
    const outputs = azure.outputs;
    const names = Object.keys(CONFIG_VARIABLES);
    expect(names).toContain('PB_SITE_URL');
    const unset = names.filter(
      (name) => !(name in NOT_IN_AZURE) && !settings.has(name) && !outputs.has(name),
    );
    expect(unset).toEqual([]);
    // An exemption must hold: none of these may reach App Service (two credentials stop the server).
    for (const name of Object.keys(NOT_IN_AZURE)) {
      expect(settings.has(name), name).toBe(false);
      expect(names, `${name} is exempt but the server no longer reads it`).toContain(name);
    }
    // The two SSO settings the tab brings (PB_SSO_AUDIENCE, PB_SSO_JWKS_URL) are here whether or not
    // config.ts lists them yet.
    expect(settings.has('PB_SSO_AUDIENCE') && settings.has('PB_SSO_JWKS_URL')).toBe(true);
  });

  it('has every variable the server reads in the toolkit env files, local mode aside', () => {
    const declared = new Set(
      ['env/.env.dev', 'env/.env.local'].flatMap((f) => Object.keys(parseEnvFile(read(f)).values)),
    );
    const wanted = [...Object.keys(CONFIG_VARIABLES), 'PB_SSO_AUDIENCE', 'PB_SSO_JWKS_URL'];
    expect(wanted.filter((name) => !LOCAL_MODE_ONLY.includes(name) && !declared.has(name))).toEqual([]);
    // Every Azure output lands in env/.env.dev, so the toolkit has a line to write it to.
    const dev = new Set(Object.keys(parseEnvFile(read('env/.env.dev')).values));
    expect([...azure.outputs.keys()].filter((name) => !dev.has(name))).toEqual([]);
  });

  it('has a parameters file that sets exactly the parameters the template declares, and all without defaults', () => {
    const parameters = Object.keys(
      (JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, unknown> }).parameters,
    );
    const declared = [...azure.params.keys()];
    expect(parameters.filter((p) => !declared.includes(p))).toEqual([]);
    const required = declared.filter((p) => !azure.params.get(p)?.hasDefault);
    expect(required.filter((p) => !parameters.includes(p))).toEqual([]);
  });
});

describe('Graph permissions (infra/graph-permissions.bicep)', () => {
  const roles = (graph.vars.get('appRoles') ?? '').match(/'[^']+'/g)?.map((r) => r.slice(1, -1)) ?? [];

  it('grants the managed identity exactly the least-privilege set', () => {
    expect([...roles].sort()).toEqual([
      'GroupMember.Read.All',
      'Sites.Selected',
      'TeamsAppInstallation.ReadWriteSelfForUser.All',
      'User.Read.All',
    ]);
  });

  it('has no tenant-wide write permission to SharePoint, files, users or groups', () => {
    const tenantWideWrite = /^(Sites|Files|User|Group|Directory|Application)\.(ReadWrite|Manage|FullControl)/;
    expect(roles.filter((r) => tenantWideWrite.test(r))).toEqual([]);
    // The one write permission that remains is limited to installing this app itself.
    expect(roles.filter((r) => /Write/.test(r))).toEqual(['TeamsAppInstallation.ReadWriteSelfForUser.All']);
  });

  it('assigns them as application roles of Microsoft Graph to the principal it is given', () => {
    const sp = resource('Microsoft.Graph/servicePrincipals', graph);
    expect(sp.existing).toBe(true);
    expect(valueAt(sp.body, 'appId')).toBe("'00000003-0000-0000-c000-000000000000'");
    const grant = resource('Microsoft.Graph/appRoleAssignedTo', graph);
    expect(grant.body).toMatch(/for role in appRoles/);
    expect(grant.body).toMatch(/principalId: principalId/);
    expect(grant.body).toMatch(/contains\(r\.allowedMemberTypes, 'Application'\)/);
    expect(azure.outputs.has('PB_MANAGED_IDENTITY_PRINCIPAL_ID')).toBe(true);
  });
});

describe('the Bicep reader itself', () => {
  it('skips braces in strings and comments and follows nested properties', () => {
    const file = scanBicep(
      [
        "param a string = '}'",
        "// resource fake 'X/y@1' = {",
        "resource r 'A/b@2024-01-01' = {",
        "  name: 'n{'",
        '  properties: {',
        '    inner: {',
        "      deep: 'yes' // }",
        '    }',
        '  }',
        '}',
        'output o string = r.id',
      ].join('\n'),
    );
    expect(file.resources.map((r) => r.type)).toEqual(['A/b']);
    expect(valueAt(file.resources[0]?.body ?? '', 'properties.inner.deep')).toBe("'yes'");
    expect(file.params.get('a')).toEqual({ type: 'string', hasDefault: true });
    expect(file.outputs.get('o')).toBe('r.id');
  });
});
