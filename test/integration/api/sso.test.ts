/**
 * Teams SSO at the API: a server configured for tenant mode checks every bearer against the tenant's
 * keys (served here on loopback), and refuses forgeries, strangers and the local dev identity.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../../src/local/demo/people.js';
import { DEMO_PLAN_ID } from '../../../src/local/demo/seed.js';
import type { ApiErrorBody, MeDto, SectionDto, SessionInfo } from '../../../src/shared/api.js';
import { startTabServer, TEST_PUBLIC_HOST, type TabServer } from '../../support/tab-server.js';
import {
  CLIENT_ID,
  OTHER_TENANT_ID,
  startTokenIssuer,
  TENANT_ID,
  unsignedToken,
  claimsFor,
  type TokenIssuer,
} from '../../support/tab-tokens.js';

let issuer: TokenIssuer;
let tab: TabServer;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  tab = await startTabServer({
    tenant: { tenantId: TENANT_ID, clientId: CLIENT_ID, jwksUrl: issuer.jwksUrl },
  });
});
afterAll(async () => {
  await tab?.close();
  await issuer?.close();
});

/** A delegated user token for the app, as Teams SSO gets one (scp: access_as_user). */
const sign = (claims: Record<string, unknown>) => issuer.sign({ scp: 'access_as_user', ...claims });
const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const now = () => Math.floor(Date.now() / 1000);
const lead = demoPeople.planLead.id;

async function expect401(token: string, why: RegExp, reason?: string): Promise<void> {
  const answer = await tab.call('GET', '/api/me', bearer(token));
  expect(answer.status).toBe(401);
  expect(codeOf(answer.body)).toBe('UNAUTHENTICATED');
  expect((answer.body as ApiErrorBody).error.message).toMatch(why);
  if (reason) expect((answer.body as ApiErrorBody).error.details).toEqual({ reason });
}

describe('Teams SSO tokens', () => {
  it('accepts a valid v2 token and acts as its oid', async () => {
    const me = await tab.call<MeDto>('GET', '/api/me', bearer(await sign({ oid: lead })));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ person: { id: lead, displayName: 'Priya Shah' }, via: 'sso' });
  });

  it('accepts a v1 token (sts.windows.net issuer, app ID URI audience)', async () => {
    const token = await sign({
      oid: lead,
      iss: `https://sts.windows.net/${TENANT_ID}/`,
      aud: `api://${TEST_PUBLIC_HOST}/${CLIENT_ID}`,
      ver: '1.0',
    });
    expect((await tab.call('GET', '/api/me', bearer(token))).status).toBe(200);
  });

  it('tolerates up to five minutes of clock skew, and no more', async () => {
    const skewed = await sign({ oid: lead, nbf: now() + 240, iat: now() + 240 });
    expect((await tab.call('GET', '/api/me', bearer(skewed))).status).toBe(200);
    const early = await sign({ oid: lead, nbf: now() + 600, iat: now() });
    await expect401(early, /not valid yet/);
  });

  it('refuses a token for another application (wrong audience)', async () => {
    await expect401(
      await sign({ oid: lead, aud: '00000003-0000-0000-c000-000000000000' }),
      /another application/,
    );
  });

  it('refuses a token from the wrong issuer', async () => {
    await expect401(await sign({ oid: lead, iss: 'https://evil.example/v2.0' }), /issued by someone other/);
  });

  it('refuses a token of another tenant, by issuer and by tid', async () => {
    await expect401(
      await sign({
        oid: lead,
        iss: `https://login.microsoftonline.com/${OTHER_TENANT_ID}/v2.0`,
        tid: OTHER_TENANT_ID,
      }),
      /issued by someone other/,
    );
    await expect401(await sign({ oid: lead, tid: OTHER_TENANT_ID }), /another tenant/);
  });

  it('refuses an expired token, even within the skew allowance of its issue', async () => {
    await expect401(
      await sign({ oid: lead, iat: now() - 7200, nbf: now() - 7200, exp: now() - 600 }),
      /expired/,
    );
  });

  it('refuses a bad signature: a key the tenant never published, or a tampered payload', async () => {
    await expect401(await issuer.signWithForeignKey({ oid: lead }), /signature/);
    const [header, , signature] = (await sign({ oid: demoPeople.deputy.id })).split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify(claimsFor(lead))).toString('base64url')}.${signature}`;
    await expect401(tampered, /signature/);
  });

  it('refuses alg none and HS256 (a token "signed" with a guessable secret)', async () => {
    await expect401(unsignedToken(claimsFor(lead)), /not signed with RS256|not a valid/);
    const hs = await new SignJWT(claimsFor(lead))
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: 'test-key-1' })
      .sign(new TextEncoder().encode('a-shared-secret-anyone-could-guess-123'));
    await expect401(hs, /not signed with RS256|not a valid/);
  });

  it('refuses a token without a user (oid)', async () => {
    await expect401(await sign({ oid: undefined }), /oid|names no user/);
  });

  it('refuses an app-only (client-credentials) token: it cannot read plans or become a plan lead', async () => {
    const servicePrincipal = '5e1f0000-0000-4000-8000-00000000a11e';
    const appOnly = await issuer.sign({
      oid: servicePrincipal,
      sub: servicePrincipal,
      idtyp: 'app',
      roles: ['Plans.ReadWrite.All'],
      name: undefined,
    });
    await expect401(appOnly, /issued to an application/);
    expect((await tab.call('GET', '/api/plans', bearer(appOnly))).status).toBe(401);
    const create = await tab.call('POST', '/api/plans', {
      ...bearer(appOnly),
      body: {
        templateId: 'dluhc-productivity-plan-2024',
        reportFormatId: 'demo-borough-cabinet',
        title: 'Made by a daemon',
        planId: 'daemon-plan',
      },
    });
    expect(create.status).toBe(401);
    const asLead = await tab.call('GET', '/api/plans/daemon-plan', bearer(await sign({ oid: lead })));
    expect(asLead.status).toBe(404);
  });

  it('answers each refusal 401 with a stable reason and an RFC 6750 challenge, naming no host', async () => {
    const cases: [string, string][] = [
      [await sign({ oid: lead, scp: 'User.Read' }), 'TOKEN_SCOPE_WRONG'],
      [await sign({ oid: lead, idtyp: 'app' }), 'TOKEN_APP_ONLY'],
      [await sign({ oid: lead, exp: now() + 25 * 3600 }), 'TOKEN_LIFETIME_TOO_LONG'],
      [await sign({ oid: lead, iat: now() + 900 }), 'TOKEN_ISSUED_IN_FUTURE'],
    ];
    for (const [token, reason] of cases) {
      const answer = await tab.call('GET', '/api/me', bearer(token));
      expect(answer.status).toBe(401);
      expect((answer.body as ApiErrorBody).error).toMatchObject({
        code: 'UNAUTHENTICATED',
        details: { reason },
      });
      expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(JSON.stringify(answer.body)).not.toMatch(/127\.0\.0\.1|localhost|microsoftonline/);
    }
    const none = await tab.call('GET', '/api/me');
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((none.body as ApiErrorBody).error.details).toEqual({ reason: 'NO_TOKEN' });
  });

  it('takes the Bearer scheme in any case (RFC 6750)', async () => {
    const token = await sign({ oid: lead });
    for (const scheme of ['bearer', 'BEARER']) {
      const me = await tab.call('GET', '/api/me', { headers: { Authorization: `${scheme} ${token}` } });
      expect(me.status).toBe(200);
    }
  });

  it('refuses the local dev identity in tenant mode, and offers no acting-as picker', async () => {
    const session = await tab.call<SessionInfo>('GET', '/api/session');
    expect(session.body).toEqual({ mode: 'tenant', devIdentity: false, autosaveSeconds: 10 });
    const dev = await tab.call('GET', '/api/me', { headers: { 'x-pb-dev-user': lead } });
    expect(dev.status).toBe(401);
    expect((dev.body as ApiErrorBody).error.message).toMatch(/development identity is refused/);
    expect((await tab.call('GET', '/api/dev/people')).status).toBe(401);
    // A valid token wins over a dev header sent alongside, and the header never changes who acts.
    const both = await tab.call<MeDto>('GET', '/api/me', {
      headers: {
        Authorization: `Bearer ${await sign({ oid: demoPeople.digitalLead.id })}`,
        'x-pb-dev-user': lead,
      },
    });
    expect(both.body.person.id).toBe(demoPeople.digitalLead.id);
  });

  it('a valid token for someone who is not the owner cannot save the section (403 NOT_ALLOWED)', async () => {
    const key = 'theme-2-technology-and-data';
    const stranger = await sign({ oid: demoPeople.deputy.id });
    const read = await tab.call<SectionDto>(
      'GET',
      `/api/plans/${DEMO_PLAN_ID}/sections/${key}`,
      bearer(stranger),
    );
    expect(read.status).toBe(200);
    expect(read.body.canEdit).toBe(false);
    const save = await tab.call('PUT', `/api/plans/${DEMO_PLAN_ID}/sections/${key}`, {
      ...bearer(stranger),
      body: {
        baseRevision: read.body.revision,
        content: [{ type: 'paragraph', children: [{ type: 'text', text: 'Mine now' }] }],
      },
    });
    expect(save.status).toBe(403);
    expect(codeOf(save.body)).toBe('NOT_ALLOWED');
    // The owner, with a valid token, can.
    const owner = await sign({ oid: demoPeople.digitalLead.id });
    const saved = await tab.call<SectionDto>('PUT', `/api/plans/${DEMO_PLAN_ID}/sections/${key}`, {
      ...bearer(owner),
      body: {
        baseRevision: read.body.revision,
        content: [{ type: 'paragraph', children: [{ type: 'text', text: 'Owner’s text' }] }],
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.lastEdit?.by).toBe(demoPeople.digitalLead.id);
  });
});

describe('Teams SSO when the tenant signing keys are out of reach', () => {
  it('answers 503 with Retry-After, not 401, and names no host', async () => {
    const keys = await startTokenIssuer();
    const down = await startTabServer({
      tenant: { tenantId: TENANT_ID, clientId: CLIENT_ID, jwksUrl: 'http://127.0.0.1:9/keys' },
    });
    try {
      const token = await keys.sign({ oid: lead, scp: 'access_as_user' });
      const answer = await down.call('GET', '/api/me', bearer(token));
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('10');
      expect((answer.body as ApiErrorBody).error).toMatchObject({
        code: 'UNAVAILABLE',
        details: { reason: 'SIGN_IN_UNAVAILABLE', retryAfterSeconds: 10 },
      });
      expect(JSON.stringify(answer.body)).not.toMatch(/127\.0\.0\.1|:9\/|\/keys/);
    } finally {
      await down.close();
      await keys.close();
    }
  });
});
