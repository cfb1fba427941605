/**
 * Configuration, read from the environment once at start-up and validated, with one clear message per
 * missing or wrong value. Nothing else in the server reads process.env.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { BotAuth } from '../adapters/bot/bot-runtime.js';
import type { GraphCredential } from '../adapters/sharepoint/app-tokens.js';

export interface BotConfig {
  /** The bot's id as Teams knows it (the app registration's client id in a tenant). */
  readonly appId: string;
  readonly auth: BotAuth;
  /** The app's id in the tenant app catalog, for installing it for people it must reach; null: never install. */
  readonly catalogAppId: string | null;
  /** Where the tab is served, for deep links in cards. */
  readonly publicUrl: string;
  readonly defaultServiceUrl: string;
}

/** How the tab's Teams SSO tokens are checked (tenant mode). GUIDs here are lower case. */
export interface SsoConfig {
  readonly tenantId: string;
  /** Accepted `aud` values, lower case: the app ID URI (v1 tokens) and the client id GUID (v2 tokens). */
  readonly audiences: readonly string[];
  /** The delegated scope the app exposes to Teams, which every token must carry in `scp`. */
  readonly scope: string;
  /** Where the tenant's signing keys are published. */
  readonly jwksUrl: string;
}

/** How the server paces its work against SharePoint, the same in either mode. */
export interface Tuning {
  /** The section editor saves at most once per this many seconds. */
  readonly autosaveSeconds: number;
  /** How old the plan and KPI caches may be before a read first asks SharePoint what changed. */
  readonly cacheMaxAgeSeconds: number;
  /** The percentage of SharePoint's resource-unit budget background work leaves for people's clicks and saves. */
  readonly budgetReservePercent: number;
}

export type AppConfig =
  | (Tuning & {
      readonly mode: 'local';
      readonly host: '127.0.0.1';
      readonly port: number;
      readonly dataDir: string;
      readonly emulatorPort: number;
      /** SharePoint's per-app RU budget the emulator enforces (RU a minute); absent: not metered. */
      readonly emulatorRuBudget?: number;
      readonly siteUrl: string;
      readonly bot: BotConfig;
    })
  | (Tuning & {
      readonly mode: 'tenant';
      readonly host: string;
      readonly port: number;
      readonly siteUrl: string;
      readonly tenantId: string;
      readonly clientId: string;
      readonly graphCredential: GraphCredential;
      readonly bot: BotConfig;
      readonly sso: SsoConfig;
    });

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`Plan Builder cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Every variable the server reads, with what it is for; the infra and env files are checked against it. */
export const CONFIG_VARIABLES = {
  PB_MODE: 'local (default) or tenant',
  PORT: 'HTTP port of the server (default 3978)',
  PB_HOST: 'interface to listen on in tenant mode (default 0.0.0.0)',
  PB_DATA_DIR: 'local mode: where the SharePoint emulator keeps its data (default .local/data)',
  PB_EMULATOR_PORT: 'local mode: port of the SharePoint emulator (default 5980)',
  PB_EMULATOR_RU_BUDGET:
    'local mode: resource units a minute the emulator allows the app, as SharePoint does (npm start: 1250, a tenant under 1,000 licences; "off" meters nothing)',
  PB_SITE_URL:
    'tenant mode: the SharePoint site that holds the plans, e.g. https://contoso.sharepoint.com/sites/Plans',
  PB_TENANT_ID: 'tenant mode: the Microsoft Entra tenant id',
  PB_CLIENT_ID: 'tenant mode: the app registration (or user-assigned managed identity) client id',
  PB_CLIENT_SECRET: 'tenant mode: a client secret for Graph (or use a certificate or managed identity)',
  PB_CERTIFICATE_PATH: 'tenant mode: PEM file with the private key of a certificate credential',
  PB_CERTIFICATE_THUMBPRINT: 'tenant mode: SHA-256 thumbprint (hex) of that certificate',
  PB_USE_MANAGED_IDENTITY: 'tenant mode: "true" to get Graph tokens from the managed identity in Azure',
  PB_PUBLIC_URL:
    'tenant mode: the https address the app is served from, for links in cards (local: the server address)',
  PB_TEAMS_APP_ID:
    "tenant mode: the app id in the Teams app catalog, to install the app for people the bot must reach and for cards' deep links into the Plans tab",
  PB_BOT_SERVICE_URL: 'Teams service URL to use before any conversation has told us the regional one',
  PB_AUTOSAVE_SECONDS:
    "the section editor saves at most once per this many seconds (default 10): each save is charged to the tenant's SharePoint budget",
  PB_CACHE_MAX_AGE_SECONDS:
    "how old, in seconds, the server's copy of plans and KPIs may be before a read first asks SharePoint what changed (1-300, default 5): longer spends less of the SharePoint budget and shows changes made through another server instance later",
  PB_BUDGET_RESERVE_PERCENT:
    "the percentage of the SharePoint resource-unit budget that reminders, outbox sweeps and document freezing leave for people's clicks and saves (0-90, default 15)",
  PB_SSO_AUDIENCE:
    "tenant mode: the audience of the tab's SSO tokens, the app ID URI (api://<host>/<client id>) or the client id GUID (default: both, from PB_PUBLIC_URL and PB_CLIENT_ID)",
  PB_SSO_JWKS_URL:
    'tenant mode: where the tenant publishes its token signing keys (default https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys)',
  PB_SSO_SCOPE:
    "tenant mode: the delegated scope the app registration exposes to Teams (its value, or its full api:// name), required in every SSO token's scp (default access_as_user)",
} as const;

/** At most one section save per editor per this many seconds, unless PB_AUTOSAVE_SECONDS says otherwise. */
export const DEFAULT_AUTOSAVE_SECONDS = 10;

/** The plan and KPI caches ask SharePoint what changed once their copy is this old (PB_CACHE_MAX_AGE_SECONDS). */
export const DEFAULT_CACHE_MAX_AGE_SECONDS = 5;

/** Background work stops while less than this percentage of the budget is left (PB_BUDGET_RESERVE_PERCENT). */
export const DEFAULT_BUDGET_RESERVE_PERCENT = 15;

/** The scope manifest/aad.manifest.json exposes. */
export const DEFAULT_SSO_SCOPE = 'access_as_user';

const DEFAULT_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
export const LOCAL_BOT_ID = 'plan-builder-local-bot';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A scope value as Entra allows it: no spaces (scp is space-separated), printable ASCII. */
const SCOPE_VALUE = /^[!-~]+$/;

/**
 * Entra writes GUIDs in lower case in tokens (tid, aud, oid) and Graph compares them without regard to
 * case, while people paste them in any case: every GUID is lower-cased here, once, and compared so.
 */
const guid = (value: string): string => (GUID.test(value) ? value.toLowerCase() : value);

const port = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 65535) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a port number (1-65535), not "${v}"` });
        return z.NEVER;
      }
      return n;
    });

export function readConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): AppConfig {
  const problems: string[] = [];
  const mode = env['PB_MODE'] ?? 'local';
  if (mode !== 'local' && mode !== 'tenant')
    throw new ConfigError([`PB_MODE must be "local" or "tenant", not "${mode}"`]);
  const serverPort = port('PORT', 3978).safeParse(env['PORT']);
  if (!serverPort.success) problems.push(...serverPort.error.issues.map((i) => i.message));
  const tuning = readTuning(env, problems);

  if (mode === 'local') {
    const emulatorPort = port('PB_EMULATOR_PORT', 5980).safeParse(env['PB_EMULATOR_PORT']);
    if (!emulatorPort.success) problems.push(...emulatorPort.error.issues.map((i) => i.message));
    const budgetText = env['PB_EMULATOR_RU_BUDGET']?.trim() ?? '';
    const budget = budgetText === '' || budgetText === 'off' ? undefined : Number(budgetText);
    if (budget !== undefined && !(Number.isInteger(budget) && budget > 0))
      problems.push(
        `PB_EMULATOR_RU_BUDGET must be a whole number of RU a minute or "off", not "${budgetText}"`,
      );
    if (problems.length > 0 || !serverPort.success || !emulatorPort.success) throw new ConfigError(problems);
    return {
      mode: 'local',
      host: '127.0.0.1',
      port: serverPort.data,
      dataDir: path.resolve(cwd, env['PB_DATA_DIR'] ?? '.local/data'),
      emulatorPort: emulatorPort.data,
      ...(budget === undefined ? {} : { emulatorRuBudget: budget }),
      siteUrl: 'https://demo-borough.sharepoint.com/sites/Plans',
      ...tuning,
      bot: {
        appId: LOCAL_BOT_ID,
        auth: { kind: 'anonymous' },
        catalogAppId: 'plan-builder-local-app',
        publicUrl: `http://127.0.0.1:${serverPort.data}`,
        defaultServiceUrl: env['PB_BOT_SERVICE_URL']?.trim() || DEFAULT_SERVICE_URL,
      },
    };
  }

  const need = (name: keyof typeof CONFIG_VARIABLES): string => {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is not set: ${CONFIG_VARIABLES[name]}`);
    return value ?? '';
  };
  const siteUrl = need('PB_SITE_URL');
  if (siteUrl && !/^https:\/\/[^/]+\.sharepoint\.com\/sites\/[^/]+\/?$/i.test(siteUrl)) {
    problems.push(`PB_SITE_URL must look like https://contoso.sharepoint.com/sites/Plans, not "${siteUrl}"`);
  }
  const tenantId = guid(need('PB_TENANT_ID'));
  if (tenantId && !GUID.test(tenantId)) problems.push('PB_TENANT_ID must be the tenant GUID');
  const clientId = guid(need('PB_CLIENT_ID'));
  if (clientId && !GUID.test(clientId)) problems.push('PB_CLIENT_ID must be the app (client) GUID');

  const secret = env['PB_CLIENT_SECRET']?.trim();
  const certPath = env['PB_CERTIFICATE_PATH']?.trim();
  const thumbprint = env['PB_CERTIFICATE_THUMBPRINT']?.trim();
  const managed = env['PB_USE_MANAGED_IDENTITY']?.trim().toLowerCase() === 'true';
  const chosen = [
    secret ? 'secret' : null,
    certPath ? 'certificate' : null,
    managed ? 'managed identity' : null,
  ].filter(Boolean);
  let graphCredential: GraphCredential | null = null;
  if (chosen.length === 0) {
    problems.push(
      'No Graph credential: set PB_CLIENT_SECRET, or PB_CERTIFICATE_PATH and PB_CERTIFICATE_THUMBPRINT, or PB_USE_MANAGED_IDENTITY=true',
    );
  } else if (chosen.length > 1) {
    problems.push(`Choose one Graph credential, not ${chosen.join(' and ')}`);
  } else if (secret) {
    graphCredential = { kind: 'client-secret', tenantId, clientId, secret };
  } else if (certPath) {
    if (!thumbprint || !/^[0-9a-f]{64}$/i.test(thumbprint))
      problems.push('PB_CERTIFICATE_THUMBPRINT must be the 64-hex-digit SHA-256 thumbprint');
    let privateKeyPem = '';
    try {
      privateKeyPem = readFileSync(path.resolve(cwd, certPath), 'utf8');
      if (!privateKeyPem.includes('PRIVATE KEY'))
        problems.push(`PB_CERTIFICATE_PATH (${certPath}) holds no PEM private key`);
    } catch {
      problems.push(`PB_CERTIFICATE_PATH (${certPath}) cannot be read`);
    }
    graphCredential = {
      kind: 'certificate',
      tenantId,
      clientId,
      thumbprintSha256: thumbprint ?? '',
      privateKeyPem,
    };
  } else {
    graphCredential = { kind: 'managed-identity', clientId };
  }
  const publicUrl = need('PB_PUBLIC_URL');
  if (publicUrl && !/^https:\/\/[^\s/]+/.test(publicUrl))
    problems.push(`PB_PUBLIC_URL must be an https address, not "${publicUrl}"`);
  const sso = readSso(env, { tenantId, clientId, publicUrl }, problems);
  if (problems.length > 0 || graphCredential === null || !serverPort.success) throw new ConfigError(problems);
  const botAuth: BotAuth =
    graphCredential.kind === 'client-secret'
      ? { kind: 'client-secret', tenantId, clientId, secret: graphCredential.secret }
      : { kind: 'managed-identity', tenantId, clientId };
  return {
    mode: 'tenant',
    host: env['PB_HOST']?.trim() || '0.0.0.0',
    port: serverPort.data,
    siteUrl,
    tenantId,
    clientId,
    graphCredential,
    bot: {
      appId: clientId,
      auth: botAuth,
      catalogAppId: env['PB_TEAMS_APP_ID']?.trim() || null,
      publicUrl: publicUrl.replace(/\/+$/, ''),
      defaultServiceUrl: env['PB_BOT_SERVICE_URL']?.trim() || DEFAULT_SERVICE_URL,
    },
    sso,
    ...tuning,
  };
}

/** A whole number within min-max; `unit` is how the message names it ("of seconds", "percent"). */
interface WholeNumber {
  readonly fallback: number;
  readonly min: number;
  readonly max: number;
  readonly unit: string;
}

function readTuning(env: Readonly<Record<string, string | undefined>>, problems: string[]): Tuning {
  const read = (name: keyof typeof CONFIG_VARIABLES, { fallback, min, max, unit }: WholeNumber): number => {
    const text = env[name]?.trim() ?? '';
    // Plain digits only: Number() would also take "1e1", "0x0A" and "0b11".
    const value = text === '' ? fallback : /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    problems.push(`${name} must be a whole number ${unit} (${min}-${max}), not "${text}"`);
    return fallback;
  };
  const seconds = (fallback: number, max: number): WholeNumber => ({
    fallback,
    min: 1,
    max,
    unit: 'of seconds',
  });
  return {
    autosaveSeconds: read('PB_AUTOSAVE_SECONDS', seconds(DEFAULT_AUTOSAVE_SECONDS, 3600)),
    // Not 0: a copy that is always checked first saves no request.
    cacheMaxAgeSeconds: read('PB_CACHE_MAX_AGE_SECONDS', seconds(DEFAULT_CACHE_MAX_AGE_SECONDS, 300)),
    budgetReservePercent: read('PB_BUDGET_RESERVE_PERCENT', {
      fallback: DEFAULT_BUDGET_RESERVE_PERCENT,
      min: 0,
      max: 90,
      unit: 'percent',
    }),
  };
}

const LOOPBACK_HTTP = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//i;

function readSso(
  env: Readonly<Record<string, string | undefined>>,
  app: { tenantId: string; clientId: string; publicUrl: string },
  problems: string[],
): SsoConfig {
  const audience = env['PB_SSO_AUDIENCE']?.trim();
  const audiences: string[] = [];
  if (audience) {
    const uriClient = /^api:\/\/[^\s]+\/([0-9a-f-]{36})$/i.exec(audience)?.[1];
    // Audiences are compared without regard to case (the app ID URI's host and GUID are case-insensitive).
    if (GUID.test(audience)) audiences.push(audience.toLowerCase());
    else if (uriClient && GUID.test(uriClient))
      audiences.push(audience.toLowerCase(), uriClient.toLowerCase());
    else
      problems.push(
        `PB_SSO_AUDIENCE must be the app ID URI (api://<host>/<client id>) or the client id GUID, not "${audience}"`,
      );
  } else if (app.clientId) {
    audiences.push(app.clientId);
    const host = /^https:\/\/([^/\s]+)/.exec(app.publicUrl)?.[1];
    if (host) audiences.push(`api://${host.toLowerCase()}/${app.clientId}`);
  }
  // The portal shows a scope's full name (api://<host>/<client id>/access_as_user); tokens carry its value.
  const named = env['PB_SSO_SCOPE']?.trim() || DEFAULT_SSO_SCOPE;
  const scope = named.startsWith('api://') ? named.slice(named.lastIndexOf('/') + 1) : named;
  if (!SCOPE_VALUE.test(scope)) {
    problems.push(
      `PB_SSO_SCOPE must be one scope value without spaces (e.g. ${DEFAULT_SSO_SCOPE}), not "${scope}"`,
    );
  }
  const jwksUrl =
    env['PB_SSO_JWKS_URL']?.trim() || `https://login.microsoftonline.com/${app.tenantId}/discovery/v2.0/keys`;
  // Plain http only on loopback (tests serve their own keys there); anything else must be https.
  if (!/^https:\/\/[^\s/]+\//.test(jwksUrl) && !LOOPBACK_HTTP.test(jwksUrl)) {
    problems.push(`PB_SSO_JWKS_URL must be an https address, not "${jwksUrl}"`);
  }
  return { tenantId: app.tenantId, audiences, scope, jwksUrl };
}
