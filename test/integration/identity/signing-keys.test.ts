/**
 * When the tenant's signing keys cannot be fetched (nothing listening, an error page, not a key set, no
 * answer in time) no token was judged: the authenticator says UNAVAILABLE with a retry hint (503 at the
 * API), never a 401 that would send the person to sign in again, and it names no internal host. Once the
 * keys are back the same token is accepted.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig, type SsoConfig } from '../../../src/server/config.js';
import { refusalHeaders, ssoAuthenticator } from '../../../src/server/identity/authenticate.js';
import {
  createSsoVerifier,
  KEYS_RETRY_AFTER_SECONDS,
  tenantKeys,
} from '../../../src/server/identity/sso-verifier.js';
import { CLIENT_ID, startTokenIssuer, TENANT_ID, type TokenIssuer } from '../../support/tab-tokens.js';

type Mode = 'serve' | 'error' | 'garbage' | 'silent';

/** A key endpoint in front of the issuer's: it passes the keys on, or fails in the way it is told to. */
async function startKeyProxy(issuer: TokenIssuer) {
  let mode: Mode = 'serve';
  const server: Server = createServer((_request, response) => {
    if (mode === 'silent') return; // never answers
    if (mode === 'error')
      return void response.writeHead(500).end('upstream failure at keys.internal.example');
    if (mode === 'garbage')
      return void response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>');
    void fetch(issuer.jwksUrl)
      .then((r) => r.text())
      .then((body) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/keys`,
    set: (next: Mode) => (mode = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let issuer: TokenIssuer;
let proxy: Awaited<ReturnType<typeof startKeyProxy>>;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  proxy = await startKeyProxy(issuer);
});
afterAll(async () => {
  await proxy?.close();
  await issuer?.close();
});

function settings(jwksUrl: string): SsoConfig {
  const config = readConfig({
    PB_MODE: 'tenant',
    PB_SITE_URL: 'https://contoso.sharepoint.com/sites/Plans',
    PB_TENANT_ID: TENANT_ID,
    PB_CLIENT_ID: CLIENT_ID,
    PB_CLIENT_SECRET: 'not-used-here',
    PB_PUBLIC_URL: 'https://plans.contoso.example',
    PB_SSO_JWKS_URL: jwksUrl,
  });
  if (config.mode !== 'tenant') throw new Error('tenant config expected');
  return config.sso;
}

const token = () =>
  issuer.sign({ oid: 'd0000000-0000-4000-8000-000000000001', scp: 'access_as_user', idtyp: 'user' });

async function expectUnavailable(jwksUrl: string, timeoutMs = 5_000): Promise<void> {
  const config = settings(jwksUrl);
  const auth = ssoAuthenticator(createSsoVerifier(config, tenantKeys(config.jwksUrl, timeoutMs)));
  const outcome = await auth.authenticate({ authorization: `Bearer ${await token()}`, devUser: undefined });
  expect(outcome).toMatchObject({
    ok: false,
    code: 'UNAVAILABLE',
    reason: 'SIGN_IN_UNAVAILABLE',
    retryAfterSeconds: KEYS_RETRY_AFTER_SECONDS,
  });
  if (outcome.ok) return;
  expect(refusalHeaders(outcome)).toEqual({ 'Retry-After': String(KEYS_RETRY_AFTER_SECONDS) });
  expect(outcome.message).toMatch(/try again in \d+ seconds/);
  expect(outcome.message).not.toMatch(/127\.0\.0\.1|localhost|internal|:\d{2,5}\b|\/keys/);
}

describe('the tenant signing keys out of reach', () => {
  it('nothing listening: unavailable, retry later', async () => {
    await expectUnavailable(`http://127.0.0.1:${await closedPort()}/keys`);
  });

  it('an error page, or something that is not a key set: unavailable', async () => {
    proxy.set('error');
    await expectUnavailable(proxy.url);
    proxy.set('garbage');
    await expectUnavailable(proxy.url);
  });

  it('no answer in time: unavailable', async () => {
    proxy.set('silent');
    await expectUnavailable(proxy.url, 200);
  });

  it('the same token is accepted once the keys are back', async () => {
    const config = settings(proxy.url);
    const auth = ssoAuthenticator(createSsoVerifier(config));
    proxy.set('error');
    const signed = await token();
    expect(await auth.authenticate({ authorization: `Bearer ${signed}`, devUser: undefined })).toMatchObject({
      code: 'UNAVAILABLE',
    });
    proxy.set('serve');
    expect(await auth.authenticate({ authorization: `Bearer ${signed}`, devUser: undefined })).toMatchObject({
      ok: true,
    });
  });
});
