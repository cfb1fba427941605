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

describe('PB_CACHE_MAX_AGE_SECONDS and PB_BUDGET_RESERVE_PERCENT', () => {
  it('default to a 5 s cache and a 15 % reserve in either mode', () => {
    for (const env of [{}, tenant]) {
      expect(readConfig(env)).toMatchObject({ cacheMaxAgeSeconds: 5, budgetReservePercent: 15 });
    }
    expect(readConfig({ PB_CACHE_MAX_AGE_SECONDS: ' ', PB_BUDGET_RESERVE_PERCENT: '' })).toMatchObject({
      cacheMaxAgeSeconds: 5,
      budgetReservePercent: 15,
    });
  });

  it('take whole seconds 1-300 and a whole percentage 0-90, in either mode', () => {
    for (const env of [{}, tenant]) {
      for (const [age, reserve] of [
        ['1', '0'],
        ['300', '90'],
        [' 30 ', '25'],
      ] as const) {
        expect(
          readConfig({ ...env, PB_CACHE_MAX_AGE_SECONDS: age, PB_BUDGET_RESERVE_PERCENT: reserve }),
        ).toMatchObject({ cacheMaxAgeSeconds: Number(age), budgetReservePercent: Number(reserve) });
      }
    }
  });

  it('refuse a cache age of 0 or outside 1-300 whole seconds, naming the variable and the value', () => {
    for (const bad of ['0', '301', '-5', '2.5', 'soon', '1e1', '0x0A', '0b11', '+30']) {
      expect(problems({ PB_CACHE_MAX_AGE_SECONDS: bad })).toEqual([
        `PB_CACHE_MAX_AGE_SECONDS must be a whole number of seconds (1-300), not "${bad}"`,
      ]);
      expect(problems({ ...tenant, PB_CACHE_MAX_AGE_SECONDS: bad })).toEqual([
        `PB_CACHE_MAX_AGE_SECONDS must be a whole number of seconds (1-300), not "${bad}"`,
      ]);
    }
  });

  it('refuse a reserve outside 0-90 whole percent, naming the variable and the value', () => {
    for (const bad of ['91', '100', '-1', '12.5', '15%', 'half', '1e1', '0x0A']) {
      expect(problems({ PB_BUDGET_RESERVE_PERCENT: bad })).toEqual([
        `PB_BUDGET_RESERVE_PERCENT must be a whole number percent (0-90), not "${bad}"`,
      ]);
      expect(problems({ ...tenant, PB_BUDGET_RESERVE_PERCENT: bad })).toEqual([
        `PB_BUDGET_RESERVE_PERCENT must be a whole number percent (0-90), not "${bad}"`,
      ]);
    }
  });

  it('PB_AUTOSAVE_SECONDS: 10 by default, whole seconds 1-3600, in either mode', () => {
    for (const env of [{}, tenant]) {
      expect(readConfig(env)).toMatchObject({ autosaveSeconds: 10 });
      expect(readConfig({ ...env, PB_AUTOSAVE_SECONDS: ' 30 ' })).toMatchObject({ autosaveSeconds: 30 });
      expect(readConfig({ ...env, PB_AUTOSAVE_SECONDS: '3600' })).toMatchObject({ autosaveSeconds: 3600 });
      for (const bad of ['0', '3601', '2.5', '1e1', '0x0A', 'often']) {
        expect(problems({ ...env, PB_AUTOSAVE_SECONDS: bad })).toEqual([
          `PB_AUTOSAVE_SECONDS must be a whole number of seconds (1-3600), not "${bad}"`,
        ]);
      }
    }
  });

  it('report both with the other problems at once', () => {
    expect(
      problems({ PB_AUTOSAVE_SECONDS: '0', PB_CACHE_MAX_AGE_SECONDS: '0', PB_BUDGET_RESERVE_PERCENT: '95' }),
    ).toEqual([
      expect.stringContaining('PB_AUTOSAVE_SECONDS'),
      expect.stringContaining('PB_CACHE_MAX_AGE_SECONDS'),
      expect.stringContaining('PB_BUDGET_RESERVE_PERCENT'),
    ]);
  });
});
