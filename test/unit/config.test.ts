import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/server/config.js';

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

describe('configuration', () => {
  it('defaults to local mode on loopback', () => {
    expect(readConfig({})).toMatchObject({ mode: 'local', host: '127.0.0.1', port: 3978 });
  });

  it('reads a complete tenant configuration', () => {
    expect(readConfig(tenant)).toMatchObject({ mode: 'tenant', graphCredential: { kind: 'client-secret' } });
    expect(readConfig({ ...tenant, PB_CLIENT_SECRET: '', PB_USE_MANAGED_IDENTITY: 'true' })).toMatchObject({
      graphCredential: { kind: 'managed-identity', clientId: tenant.PB_CLIENT_ID },
    });
  });

  it('names every missing or wrong value at once', () => {
    const found = problems({ PB_MODE: 'tenant', PB_TENANT_ID: 'contoso', PORT: '99999' });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringContaining('PORT must be a port number'),
        expect.stringContaining('PB_SITE_URL is not set'),
        expect.stringContaining('PB_TENANT_ID must be the tenant GUID'),
        expect.stringContaining('PB_CLIENT_ID is not set'),
        expect.stringContaining('No Graph credential'),
      ]),
    );
  });

  it('refuses two credentials, a bad site URL and an unknown mode', () => {
    expect(problems({ ...tenant, PB_USE_MANAGED_IDENTITY: 'true' })).toEqual([
      expect.stringContaining('Choose one Graph credential'),
    ]);
    expect(problems({ ...tenant, PB_SITE_URL: 'http://example.com/x' })).toEqual([
      expect.stringContaining('PB_SITE_URL must look like'),
    ]);
    expect(problems({ PB_MODE: 'production' })).toEqual([expect.stringContaining('PB_MODE must be')]);
  });
});
