/**
 * Checks a Teams SSO token (`authentication.getAuthToken()`) the way Entra ID issues them: RS256 only,
 * signed by a key the tenant publishes, for this app, issued by this tenant (v1 or v2 endpoint), not
 * expired and already valid, with at most five minutes of clock skew. The acting user is `oid`.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { SsoConfig } from '../config.js';

export const CLOCK_SKEW_SECONDS = 5 * 60;

export interface SsoIdentity {
  /** The Entra object id: the only id the app acts on. */
  readonly oid: string;
  readonly tid: string;
  readonly name: string | null;
}

export type TokenCheck =
  { readonly ok: true; readonly identity: SsoIdentity } | { readonly ok: false; readonly reason: string };

export interface SsoVerifier {
  verify(token: string): Promise<TokenCheck>;
}

export const tenantIssuers = (tenantId: string): string[] => [
  `https://sts.windows.net/${tenantId}/`,
  `https://login.microsoftonline.com/${tenantId}/v2.0`,
];

function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'the token is for another application';
    if (error.claim === 'iss') return 'the token was issued by someone other than this tenant';
    if (error.claim === 'nbf') return 'the token is not valid yet';
    return `the token's "${error.claim}" claim is not acceptable`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is not signed with RS256';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token was not signed by a key of this tenant';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError) {
    return error instanceof errors.JWKSTimeout
      ? "the tenant's signing keys could not be fetched in time"
      : 'the token is not a valid signed token';
  }
  return 'the token could not be checked';
}

export function createSsoVerifier(settings: SsoConfig): SsoVerifier {
  const keys = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5_000 });
  const issuers = tenantIssuers(settings.tenantId);
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: ['RS256'],
          audience: [...settings.audiences],
          issuer: issuers,
          clockTolerance: CLOCK_SKEW_SECONDS,
          requiredClaims: ['exp', 'iat', 'oid', 'tid'],
        }));
      } catch (error) {
        return { ok: false, reason: reasonFor(error) };
      }
      if (payload['tid'] !== settings.tenantId) {
        return { ok: false, reason: 'the token belongs to another tenant' };
      }
      const oid = payload['oid'];
      if (typeof oid !== 'string' || oid.trim() === '') {
        return { ok: false, reason: 'the token names no user' };
      }
      const name = typeof payload['name'] === 'string' ? payload['name'] : null;
      return { ok: true, identity: { oid, tid: settings.tenantId, name } };
    },
  };
}
