/** The tab's SSO settings in tenant mode: sensible defaults, and one clear message per wrong value. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, DEFAULT_SSO_SCOPE, readConfig } from '../../../src/server/config.js';

const tenant = {
  PB_MODE: 'tenant',
  PB_SITE_URL: 'https://contoso.sharepoint.com/sites/Plans',
  PB_TENANT_ID: '11111111-2222-4333-8444-555555555555',
  PB_CLIENT_ID: '66666666-7777-4888-9999-000000000000',
  PB_CLIENT_SECRET: 'not-a-real-secret',
  PB_PUBLIC_URL: 'https://plans.contoso.example',
};

function problems(env: Record<string, string>): readonly string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('SSO configuration', () => {
  it('defaults to the client id and the app ID URI on the public host, and the tenant’s published keys', () => {
    const config = readConfig(tenant);
    if (config.mode !== 'tenant') throw new Error('tenant config expected');
    expect(config.sso).toEqual({
      tenantId: tenant.PB_TENANT_ID,
      audiences: [tenant.PB_CLIENT_ID, `api://plans.contoso.example/${tenant.PB_CLIENT_ID}`],
      scope: 'access_as_user',
      jwksUrl: `https://login.microsoftonline.com/${tenant.PB_TENANT_ID}/discovery/v2.0/keys`,
    });
  });

  it('takes PB_SSO_AUDIENCE as an app ID URI (accepting its client id too) or a GUID', () => {
    const uri = `api://tab.contoso.example/${tenant.PB_CLIENT_ID}`;
    const withUri = readConfig({ ...tenant, PB_SSO_AUDIENCE: uri });
    expect(withUri.mode === 'tenant' && withUri.sso.audiences).toEqual([uri, tenant.PB_CLIENT_ID]);
    const guid = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    const withGuid = readConfig({ ...tenant, PB_SSO_AUDIENCE: guid });
    expect(withGuid.mode === 'tenant' && withGuid.sso.audiences).toEqual([guid]);
  });

  it('refuses a wrong audience or a key URL that is neither https nor loopback', () => {
    expect(problems({ ...tenant, PB_SSO_AUDIENCE: 'my-app' })).toEqual([
      expect.stringContaining('PB_SSO_AUDIENCE must be the app ID URI'),
    ]);
    expect(problems({ ...tenant, PB_SSO_JWKS_URL: 'http://keys.example/keys' })).toEqual([
      expect.stringContaining('PB_SSO_JWKS_URL must be an https address'),
    ]);
    expect(readConfig({ ...tenant, PB_SSO_JWKS_URL: 'http://127.0.0.1:4000/keys' })).toMatchObject({
      sso: { jwksUrl: 'http://127.0.0.1:4000/keys' },
    });
  });

  it('takes the required scope from PB_SSO_SCOPE, by value or full name, and refuses a list', () => {
    const named = readConfig({ ...tenant, PB_SSO_SCOPE: 'Plans.Edit' });
    expect(named.mode === 'tenant' && named.sso.scope).toBe('Plans.Edit');
    const full = readConfig({
      ...tenant,
      PB_SSO_SCOPE: `api://plans.contoso.example/${tenant.PB_CLIENT_ID}/access_as_user`,
    });
    expect(full.mode === 'tenant' && full.sso.scope).toBe('access_as_user');
    expect(problems({ ...tenant, PB_SSO_SCOPE: 'access_as_user User.Read' })).toEqual([
      expect.stringContaining('PB_SSO_SCOPE must be one scope value'),
    ]);
  });

  it('requires by default the scope the app registration exposes (manifest/aad.manifest.json)', () => {
    const aad = JSON.parse(readFileSync('manifest/aad.manifest.json', 'utf8')) as {
      api: { oauth2PermissionScopes: { value: string; type: string }[] };
    };
    expect(aad.api.oauth2PermissionScopes.map((s) => [s.value, s.type])).toEqual([
      [DEFAULT_SSO_SCOPE, 'User'],
    ]);
  });

  it('lists the three variables with the others', () => {
    expect(Object.keys(CONFIG_VARIABLES)).toEqual(
      expect.arrayContaining(['PB_SSO_AUDIENCE', 'PB_SSO_JWKS_URL', 'PB_SSO_SCOPE']),
    );
  });

  it('has no SSO (and no way to switch the dev identity on) in the local configuration', () => {
    expect(readConfig({})).not.toHaveProperty('sso');
  });
});
