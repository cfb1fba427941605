/**
 * What a signature-checked Entra access token must say before the app acts on it as a person: issued by
 * this tenant, for this app, on a user's behalf. A delegated token carries the scopes the user consented
 * to in `scp` (space-separated) and, when the optional claim is configured, `idtyp: "user"`; an app-only
 * (client-credentials) token carries `idtyp: "app"` and application permissions in `roles`, with no `scp`.
 * Only the first names a person, so only it is accepted. GUIDs (tenant, audience, `oid`) compare without
 * regard to case; the configuration has already lower-cased them.
 */
import type { JWTPayload } from 'jose';

/** Entra lets an access token live at most a day (configurable token lifetime, 10 minutes to 1 day). */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/** Stable codes for every reason a token is refused; the tab and the logs see these, never a stack. */
export type TokenRefusalCode =
  | 'TOKEN_MALFORMED'
  | 'TOKEN_ALGORITHM'
  | 'TOKEN_SIGNATURE'
  | 'TOKEN_UNKNOWN_KEY'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_NOT_YET_VALID'
  | 'TOKEN_ISSUED_IN_FUTURE'
  | 'TOKEN_LIFETIME_TOO_LONG'
  | 'TOKEN_CLAIM_MISSING'
  | 'TOKEN_WRONG_ISSUER'
  | 'TOKEN_WRONG_AUDIENCE'
  | 'TOKEN_WRONG_TENANT'
  | 'TOKEN_APP_ONLY'
  | 'TOKEN_SCOPE_MISSING'
  | 'TOKEN_SCOPE_WRONG'
  | 'TOKEN_NO_USER';

export interface TokenRefusal {
  readonly code: TokenRefusalCode;
  /** Lower-case clause for "Your sign-in was refused: …". Names no host, key or internal detail. */
  readonly reason: string;
}

export const refusal = (code: TokenRefusalCode, reason: string): TokenRefusal => ({ code, reason });

/** What the claims must match: all GUIDs already lower case. */
export interface DelegatedPolicy {
  readonly tenantId: string;
  readonly audiences: readonly string[];
  /** The scope the app exposes to Teams (`access_as_user`). */
  readonly scope: string;
  readonly clockSkewSeconds: number;
}

export interface DelegatedUser {
  readonly oid: string;
  readonly tid: string;
  readonly name: string | null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const tenantIssuers = (tenantId: string): string[] => [
  `https://sts.windows.net/${tenantId}/`,
  `https://login.microsoftonline.com/${tenantId}/v2.0`,
];

const lower = (value: unknown): string | null => (typeof value === 'string' ? value.toLowerCase() : null);

function checkOrigin(payload: JWTPayload, policy: DelegatedPolicy): TokenRefusal | null {
  const issuer = lower(payload.iss);
  if (issuer === null || !tenantIssuers(policy.tenantId).includes(issuer)) {
    return refusal('TOKEN_WRONG_ISSUER', 'the token was issued by someone other than this tenant');
  }
  const audiences = (Array.isArray(payload.aud) ? payload.aud : [payload.aud]).map(lower);
  if (!audiences.some((aud) => aud !== null && policy.audiences.includes(aud))) {
    return refusal('TOKEN_WRONG_AUDIENCE', 'the token is for another application');
  }
  const tid = lower(payload['tid']);
  if (tid === null) return refusal('TOKEN_CLAIM_MISSING', 'the token names no tenant ("tid")');
  if (tid !== policy.tenantId) return refusal('TOKEN_WRONG_TENANT', 'the token belongs to another tenant');
  return null;
}

function checkDelegation(payload: JWTPayload, policy: DelegatedPolicy): TokenRefusal | null {
  const idtyp = payload['idtyp'];
  if (idtyp !== undefined && lower(idtyp) !== 'user') {
    return refusal('TOKEN_APP_ONLY', 'the token was issued to an application, not to a signed-in user');
  }
  const scp = payload['scp'];
  const scopes = typeof scp === 'string' ? scp.split(' ').filter(Boolean) : [];
  if (scopes.length === 0) {
    const roles = payload['roles'];
    if (Array.isArray(roles) && roles.length > 0) {
      return refusal(
        'TOKEN_APP_ONLY',
        'the token carries application permissions only, not a signed-in user’s consent',
      );
    }
    return refusal('TOKEN_SCOPE_MISSING', 'the token carries no delegated scope ("scp")');
  }
  if (!scopes.includes(policy.scope)) {
    return refusal(
      'TOKEN_SCOPE_WRONG',
      `the token does not grant the "${policy.scope}" scope of Plan Builder`,
    );
  }
  return null;
}

function checkLifetime(payload: JWTPayload, policy: DelegatedPolicy, now: number): TokenRefusal | null {
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number') {
    return refusal('TOKEN_CLAIM_MISSING', 'the token does not say when it was issued and when it expires');
  }
  if (iat > now + policy.clockSkewSeconds) {
    return refusal('TOKEN_ISSUED_IN_FUTURE', 'the token says it was issued in the future');
  }
  if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) {
    return refusal('TOKEN_LIFETIME_TOO_LONG', 'the token lives longer than the 24 hours Entra ID allows');
  }
  return null;
}

/**
 * The claims of a token whose signature, algorithm, `exp` and `nbf` were already checked. Origin first
 * (issuer, audience, tenant), then that it is a user's delegated token, then its lifetime.
 */
export function checkDelegatedClaims(
  payload: JWTPayload,
  policy: DelegatedPolicy,
  nowSeconds: number,
):
  | { readonly ok: true; readonly user: DelegatedUser }
  | { readonly ok: false; readonly refusal: TokenRefusal } {
  const refused =
    checkOrigin(payload, policy) ??
    checkDelegation(payload, policy) ??
    checkLifetime(payload, policy, nowSeconds);
  if (refused) return { ok: false, refusal: refused };
  const oid = payload['oid'];
  if (typeof oid !== 'string' || !GUID.test(oid)) {
    return { ok: false, refusal: refusal('TOKEN_NO_USER', 'the token names no user ("oid")') };
  }
  const name = typeof payload['name'] === 'string' ? payload['name'] : null;
  return { ok: true, user: { oid: oid.toLowerCase(), tid: policy.tenantId, name } };
}
