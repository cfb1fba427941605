/**
 * Checks a Teams SSO token (`authentication.getAuthToken()`) the way Entra ID issues them: RS256 only,
 * signed by a key the tenant publishes, not expired and already valid (five minutes of clock skew), then
 * the claims a delegated user token must carry (delegated-claims.ts). The acting user is `oid`.
 *
 * A refusal is the caller's: a stable code and a reason. When the tenant's signing keys cannot be fetched
 * the token was never judged, so the answer is "unavailable, try again" (503), not a refusal (401).
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { SsoConfig } from '../config.js';
import { checkDelegatedClaims, refusal, type TokenRefusal } from './delegated-claims.js';

export const CLOCK_SKEW_SECONDS = 5 * 60;
/** How long the tab should wait before asking again when the tenant's keys are out of reach. */
export const KEYS_RETRY_AFTER_SECONDS = 10;

export interface SsoIdentity {
  /** The Entra object id (lower case): the only id the app acts on. */
  readonly oid: string;
  readonly tid: string;
  readonly name: string | null;
}

export type TokenCheck =
  | { readonly ok: true; readonly identity: SsoIdentity }
  | ({ readonly ok: false; readonly kind: 'refused' } & TokenRefusal)
  | { readonly ok: false; readonly kind: 'unavailable'; readonly retryAfterSeconds: number };

export interface SsoVerifier {
  verify(token: string): Promise<TokenCheck>;
}

/** The key endpoint failed (network, timeout, not 200, not a key set): nothing was learnt about the token. */
class KeysUnavailable extends Error {
  constructor(cause: unknown) {
    super('The tenant signing keys could not be fetched', { cause });
  }
}

/** Errors the key set raises about the token itself, not about fetching keys. */
const isAboutTheToken = (error: unknown): boolean =>
  error instanceof errors.JWKSNoMatchingKey ||
  error instanceof errors.JWKSMultipleMatchingKeys ||
  error instanceof errors.JOSENotSupported;

/** The remote key set, with every failure to fetch it told apart from a verdict on the token. */
export function tenantKeys(jwksUrl: string, timeoutMs = 5_000): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: timeoutMs });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (isAboutTheToken(error)) throw error;
      throw new KeysUnavailable(error);
    }
  };
}

function refusalFor(error: unknown): TokenRefusal {
  if (error instanceof errors.JWTExpired) return refusal('TOKEN_EXPIRED', 'the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return refusal('TOKEN_NOT_YET_VALID', 'the token is not valid yet');
    if (error.reason === 'missing')
      return refusal('TOKEN_CLAIM_MISSING', `the token has no "${error.claim}" claim`);
    return refusal('TOKEN_MALFORMED', `the token's "${error.claim}" claim is not acceptable`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return refusal('TOKEN_ALGORITHM', 'the token is not signed with RS256');
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return refusal('TOKEN_SIGNATURE', 'the token signature is not valid');
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
    return refusal('TOKEN_UNKNOWN_KEY', 'the token was not signed by a key of this tenant');
  return refusal('TOKEN_MALFORMED', 'the token is not a valid signed token');
}

export function createSsoVerifier(settings: SsoConfig, keys = tenantKeys(settings.jwksUrl)): SsoVerifier {
  const policy = {
    tenantId: settings.tenantId,
    audiences: settings.audiences,
    scope: settings.scope,
    clockSkewSeconds: CLOCK_SKEW_SECONDS,
  };
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: ['RS256'],
          clockTolerance: CLOCK_SKEW_SECONDS,
          requiredClaims: ['exp', 'iat'],
        }));
      } catch (error) {
        if (error instanceof KeysUnavailable) {
          console.warn('Teams SSO: the tenant signing keys could not be fetched:', String(error.cause));
          return { ok: false, kind: 'unavailable', retryAfterSeconds: KEYS_RETRY_AFTER_SECONDS };
        }
        return { ok: false, kind: 'refused', ...refusalFor(error) };
      }
      const checked = checkDelegatedClaims(payload, policy, Math.floor(Date.now() / 1000));
      if (!checked.ok) return { ok: false, kind: 'refused', ...checked.refusal };
      return { ok: true, identity: checked.user };
    },
  };
}
