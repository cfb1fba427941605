/**
 * Only a delegated user token for this app names a person: the authenticator, with the real verifier (jose)
 * against the tenant's keys served on loopback, refuses app-only and roles-only tokens, tokens without the
 * app's scope, tokens that live too long or say they were issued in the future, each with a stable code.
 * Configuration GUIDs in upper case still accept Entra's real (lower-case) tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig, type SsoConfig } from '../../../src/server/config.js';
import {
  refusalHeaders,
  ssoAuthenticator,
  type Authentication,
  type Authenticator,
} from '../../../src/server/identity/authenticate.js';
import { createSsoVerifier } from '../../../src/server/identity/sso-verifier.js';
import { CLIENT_ID, startTokenIssuer, TENANT_ID, type TokenIssuer } from '../../support/tab-tokens.js';

const USER = 'd0000000-0000-4000-8000-000000000001';
/** The object id of the service principal a client-credentials token names. */
const SERVICE_PRINCIPAL = '5e1f0000-0000-4000-8000-00000000a11e';
const PUBLIC_HOST = 'plans.contoso.example';

let issuer: TokenIssuer;
let auth: Authenticator;

function ssoSettings(tenantId: string, clientId: string, extra: Record<string, string> = {}): SsoConfig {
  const config = readConfig({
    PB_MODE: 'tenant',
    PB_SITE_URL: 'https://contoso.sharepoint.com/sites/Plans',
    PB_TENANT_ID: tenantId,
    PB_CLIENT_ID: clientId,
    PB_CLIENT_SECRET: 'not-used-here',
    PB_PUBLIC_URL: `https://${PUBLIC_HOST}`,
    PB_SSO_JWKS_URL: issuer.jwksUrl,
    ...extra,
  });
  if (config.mode !== 'tenant') throw new Error('tenant config expected');
  return config.sso;
}

const authenticatorFor = (settings: SsoConfig) => ssoAuthenticator(createSsoVerifier(settings));

beforeAll(async () => {
  issuer = await startTokenIssuer();
  auth = authenticatorFor(ssoSettings(TENANT_ID, CLIENT_ID));
});
afterAll(() => issuer?.close());

const now = () => Math.floor(Date.now() / 1000);
/** A delegated token as Teams SSO gets it: the user's oid, scp access_as_user, idtyp user. */
const userToken = (claims: Record<string, unknown> = {}) =>
  issuer.sign({ oid: USER, scp: 'access_as_user', idtyp: 'user', ...claims });
/** What the client-credentials grant gives a service principal for our audience. */
const appOnlyToken = (claims: Record<string, unknown> = {}) =>
  issuer.sign({
    oid: SERVICE_PRINCIPAL,
    sub: SERVICE_PRINCIPAL,
    azp: 'aaaaaaaa-0000-4000-8000-000000000000',
    azpacr: '1',
    idtyp: 'app',
    roles: ['Plans.ReadWrite.All'],
    name: undefined,
    scp: undefined,
    ...claims,
  });

const withToken = (token: string, scheme = 'Bearer', using = auth) =>
  using.authenticate({ authorization: `${scheme} ${token}`, devUser: undefined });

function expectRefused(outcome: Authentication, reason: string, message: RegExp): void {
  expect(outcome).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', reason });
  if (outcome.ok) return;
  expect(outcome.message).toMatch(message);
  expect(refusalHeaders(outcome)).toEqual({ 'WWW-Authenticate': 'Bearer error="invalid_token"' });
}

describe('delegated user tokens only', () => {
  it('accepts a delegated token and acts as its oid (with or without idtyp, scp among other scopes)', async () => {
    expect(await withToken(await userToken())).toEqual({ ok: true, actor: { id: USER }, via: 'sso' });
    expect(await withToken(await userToken({ idtyp: undefined }))).toMatchObject({ ok: true });
    expect(await withToken(await userToken({ scp: 'User.Read access_as_user openid' }))).toMatchObject({
      ok: true,
    });
    // A user who also holds app roles is still a user: scp is what makes the token delegated.
    expect(await withToken(await userToken({ roles: ['Plan.Admin'] }))).toMatchObject({ ok: true });
  });

  it('refuses an app-only (client-credentials) token for our audience', async () => {
    expectRefused(await withToken(await appOnlyToken()), 'TOKEN_APP_ONLY', /issued to an application/);
  });

  it('refuses idtyp app even when the token also carries the scope', async () => {
    expectRefused(
      await withToken(await userToken({ idtyp: 'app' })),
      'TOKEN_APP_ONLY',
      /application, not to a signed-in user/,
    );
  });

  it('refuses a roles-only token without idtyp (the optional claim not configured)', async () => {
    expectRefused(
      await withToken(await appOnlyToken({ idtyp: undefined })),
      'TOKEN_APP_ONLY',
      /application permissions only/,
    );
  });

  it('refuses a token without scp, and one whose scp lacks the app’s scope', async () => {
    expectRefused(
      await withToken(await userToken({ scp: undefined })),
      'TOKEN_SCOPE_MISSING',
      /no delegated scope/,
    );
    expectRefused(await withToken(await userToken({ scp: '' })), 'TOKEN_SCOPE_MISSING', /no delegated scope/);
    expectRefused(
      await withToken(await userToken({ scp: 'User.Read Files.Read' })),
      'TOKEN_SCOPE_WRONG',
      /"access_as_user" scope/,
    );
    // A look-alike is not the scope: the comparison is exact, word by word.
    expectRefused(
      await withToken(await userToken({ scp: 'access_as_user_admin' })),
      'TOKEN_SCOPE_WRONG',
      /"access_as_user" scope/,
    );
  });

  it('takes the scope from PB_SSO_SCOPE (its value or its full api:// name)', async () => {
    const custom = authenticatorFor(
      ssoSettings(TENANT_ID, CLIENT_ID, { PB_SSO_SCOPE: `api://${PUBLIC_HOST}/${CLIENT_ID}/Plans.Edit` }),
    );
    expect(await withToken(await userToken({ scp: 'Plans.Edit' }), 'Bearer', custom)).toMatchObject({
      ok: true,
    });
    expectRefused(await withToken(await userToken(), 'Bearer', custom), 'TOKEN_SCOPE_WRONG', /"Plans.Edit"/);
  });

  it('refuses a token that names no user or no tenant', async () => {
    expectRefused(await withToken(await userToken({ oid: undefined })), 'TOKEN_NO_USER', /names no user/);
    expectRefused(await withToken(await userToken({ oid: 'not-a-guid' })), 'TOKEN_NO_USER', /names no user/);
    expectRefused(await withToken(await userToken({ tid: undefined })), 'TOKEN_CLAIM_MISSING', /no tenant/);
  });

  it('refuses a token living longer than 24 hours, and accepts one of exactly 24 hours', async () => {
    const issued = now() - 60;
    expectRefused(
      await withToken(await userToken({ iat: issued, nbf: issued, exp: issued + 25 * 3600 })),
      'TOKEN_LIFETIME_TOO_LONG',
      /longer than the 24 hours/,
    );
    expect(
      await withToken(await userToken({ iat: issued, nbf: issued, exp: issued + 24 * 3600 })),
    ).toMatchObject({
      ok: true,
    });
  });

  it('refuses iat in the future beyond the five minutes of skew, and tolerates it within', async () => {
    expectRefused(
      await withToken(await userToken({ iat: now() + 600, nbf: now() - 60 })),
      'TOKEN_ISSUED_IN_FUTURE',
      /issued in the future/,
    );
    expect(await withToken(await userToken({ iat: now() + 240, nbf: now() - 60 }))).toMatchObject({
      ok: true,
    });
  });

  it('gives every other refusal its own stable code', async () => {
    expectRefused(
      await withToken(await userToken({ exp: now() - 600, iat: now() - 4000, nbf: now() - 4000 })),
      'TOKEN_EXPIRED',
      /expired/,
    );
    expectRefused(
      await withToken(await userToken({ nbf: now() + 900 })),
      'TOKEN_NOT_YET_VALID',
      /not valid yet/,
    );
    expectRefused(await withToken(await userToken({ iat: undefined })), 'TOKEN_CLAIM_MISSING', /"iat"/);
    expectRefused(
      await withToken(await userToken({ aud: 'api://other' })),
      'TOKEN_WRONG_AUDIENCE',
      /another application/,
    );
    expectRefused(
      await withToken(await userToken({ iss: 'https://evil.example/v2.0' })),
      'TOKEN_WRONG_ISSUER',
      /someone other/,
    );
    expectRefused(
      await withToken(await userToken({ tid: '99999999-8888-4777-8666-555555555555' })),
      'TOKEN_WRONG_TENANT',
      /another tenant/,
    );
    expectRefused(
      await withToken(await issuer.signWithForeignKey({ oid: USER })),
      'TOKEN_SIGNATURE',
      /signature/,
    );
    expectRefused(
      await withToken(
        await issuer.sign({ oid: USER, scp: 'access_as_user' }, { header: { kid: 'rotated-away' } }),
      ),
      'TOKEN_UNKNOWN_KEY',
      /not signed by a key of this tenant/,
    );
    expectRefused(await withToken('not.a.token'), 'TOKEN_MALFORMED', /not a valid signed token/);
  });
});

describe('the Authorization header (RFC 6750)', () => {
  it('takes the Bearer scheme in any case, with one or more spaces', async () => {
    const token = await userToken();
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR', 'Bearer  ']) {
      expect(await withToken(token, scheme), scheme).toMatchObject({ ok: true, actor: { id: USER } });
    }
  });

  it('refuses another scheme, a missing token and a token with spaces or illegal characters', async () => {
    const none = await auth.authenticate({ authorization: undefined, devUser: undefined });
    expect(none).toMatchObject({ ok: false, reason: 'NO_TOKEN' });
    if (!none.ok) expect(refusalHeaders(none)).toEqual({ 'WWW-Authenticate': 'Bearer' });
    expect(await withToken(await userToken(), 'Basic')).toMatchObject({ ok: false, reason: 'NO_TOKEN' });
    expect(await auth.authenticate({ authorization: 'Bearer', devUser: undefined })).toMatchObject({
      ok: false,
      reason: 'NO_TOKEN',
    });
    expect(await withToken('abc def')).toMatchObject({ ok: false, reason: 'TOKEN_MALFORMED' });
    expect(await withToken('abc<def>')).toMatchObject({ ok: false, reason: 'TOKEN_MALFORMED' });
  });
});

describe('GUIDs in the configuration, in any case', () => {
  it('normalises PB_TENANT_ID, PB_CLIENT_ID and PB_SSO_AUDIENCE to lower case once', () => {
    const upper = ssoSettings(TENANT_ID.toUpperCase(), CLIENT_ID.toUpperCase());
    expect(upper.tenantId).toBe(TENANT_ID);
    expect(upper.audiences).toEqual([CLIENT_ID, `api://${PUBLIC_HOST}/${CLIENT_ID}`]);
    const uri = `api://Plans.Contoso.Example/${CLIENT_ID.toUpperCase()}`;
    expect(ssoSettings(TENANT_ID, CLIENT_ID, { PB_SSO_AUDIENCE: uri }).audiences).toEqual([
      uri.toLowerCase(),
      CLIENT_ID,
    ]);
  });

  it('accepts real lower-case v1 and v2 tokens when the configuration is upper case', async () => {
    const upper = authenticatorFor(ssoSettings(TENANT_ID.toUpperCase(), CLIENT_ID.toUpperCase()));
    expect(await withToken(await userToken(), 'Bearer', upper)).toMatchObject({
      ok: true,
      actor: { id: USER },
    });
    const v1 = await userToken({
      iss: `https://sts.windows.net/${TENANT_ID}/`,
      aud: `api://${PUBLIC_HOST}/${CLIENT_ID}`,
      ver: '1.0',
    });
    expect(await withToken(v1, 'Bearer', upper)).toMatchObject({ ok: true });
  });

  it('compares the token’s GUIDs without regard to case too, and acts on the lower-case oid', async () => {
    const shouting = await userToken({
      oid: USER.toUpperCase(),
      tid: TENANT_ID.toUpperCase(),
      aud: CLIENT_ID.toUpperCase(),
      iss: `https://login.microsoftonline.com/${TENANT_ID.toUpperCase()}/v2.0`,
    });
    expect(await withToken(shouting)).toEqual({ ok: true, actor: { id: USER }, via: 'sso' });
  });

  it('still refuses another tenant’s token, whatever its case', async () => {
    const upper = authenticatorFor(ssoSettings(TENANT_ID.toUpperCase(), CLIENT_ID.toUpperCase()));
    const other = '99999999-8888-4777-8666-555555555555';
    expectRefused(
      await withToken(await userToken({ tid: other.toUpperCase() }), 'Bearer', upper),
      'TOKEN_WRONG_TENANT',
      /another tenant/,
    );
  });
});
