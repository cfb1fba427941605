/**
 * Who is asking. Inside Teams: a validated SSO bearer token, and nothing else. In local mode only, the
 * tab's "acting as" picker sends a demo person's id in a header; a tenant-mode server never reads it and
 * refuses a request that relies on it. Identity never comes from a request body.
 */
import type { Actor } from '../../domain/plan/commands.js';
import type { Directory, Person } from '../../ports/directory.js';
import type { DevIdentityHeader } from '../../shared/api.js';
import type { AppConfig } from '../config.js';
import type { TokenRefusalCode } from './delegated-claims.js';
import { createSsoVerifier, type SsoVerifier } from './sso-verifier.js';

export const DEV_HEADER: DevIdentityHeader = 'x-pb-dev-user';

export interface Identified {
  readonly ok: true;
  readonly actor: Actor;
  readonly via: 'sso' | 'dev';
}

/** Stable codes for why nobody was identified: the token's own (delegated-claims.ts) or the request's. */
export type NotIdentifiedReason =
  | TokenRefusalCode
  | 'NO_TOKEN'
  | 'DEV_IDENTITY_REFUSED'
  | 'DEV_IDENTITY_MISSING'
  | 'DEV_IDENTITY_UNKNOWN'
  | 'SIGN_IN_UNAVAILABLE';

export interface NotIdentified {
  readonly ok: false;
  /** UNAUTHENTICATED (401): sign in again. UNAVAILABLE (503): the check itself could not run; try later. */
  readonly code: 'UNAUTHENTICATED' | 'UNAVAILABLE';
  readonly reason: NotIdentifiedReason;
  /** For a person: what happened and what to do. Names no host, key or internal detail. */
  readonly message: string;
  readonly retryAfterSeconds?: number;
}

export type Authentication = Identified | NotIdentified;

export interface RequestCredentials {
  readonly authorization: string | undefined;
  readonly devUser: string | undefined;
}

export interface Authenticator {
  readonly mode: AppConfig['mode'];
  authenticate(credentials: RequestCredentials): Promise<Authentication>;
}

const refused = (reason: NotIdentifiedReason, message: string): NotIdentified => ({
  ok: false,
  code: 'UNAUTHENTICATED',
  reason,
  message,
});

/**
 * `Authorization: Bearer <b64token>` (RFC 6750 §2.1). The scheme is case-insensitive (RFC 9110 §11.1);
 * one or more spaces separate it from the token.
 */
const BEARER_SCHEME = /^bearer +(.*)$/i;
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

type BearerToken = { readonly token: string } | { readonly refusal: NotIdentified };

export function bearerToken(authorization: string | undefined, devUser: string | undefined): BearerToken {
  const value = authorization?.trim();
  const scheme = value ? BEARER_SCHEME.exec(value) : null;
  if (!scheme) {
    return {
      refusal:
        devUser !== undefined && !value
          ? refused(
              'DEV_IDENTITY_REFUSED',
              'The development identity is refused: this server runs in tenant mode. Open Plan Builder in Teams.',
            )
          : refused('NO_TOKEN', 'Sign in through Teams: no access token was sent.'),
    };
  }
  const token = scheme[1]?.trim() ?? '';
  if (!B64TOKEN.test(token)) {
    return {
      refusal: refused('TOKEN_MALFORMED', 'Your sign-in was refused: the token is not a valid signed token.'),
    };
  }
  return { token };
}

export function ssoAuthenticator(verifier: SsoVerifier): Authenticator {
  return {
    mode: 'tenant',
    async authenticate({ authorization, devUser }) {
      const bearer = bearerToken(authorization, devUser);
      if ('refusal' in bearer) return bearer.refusal;
      const checked = await verifier.verify(bearer.token);
      if (checked.ok) return { ok: true, actor: { id: checked.identity.oid }, via: 'sso' };
      if (checked.kind === 'unavailable') {
        return {
          ok: false,
          code: 'UNAVAILABLE',
          reason: 'SIGN_IN_UNAVAILABLE',
          message: `Your sign-in cannot be checked just now: Microsoft Entra ID's signing keys are out of reach. Nothing was lost; try again in ${checked.retryAfterSeconds} seconds.`,
          retryAfterSeconds: checked.retryAfterSeconds,
        };
      }
      return refused(checked.code, `Your sign-in was refused: ${checked.reason}.`);
    },
  };
}

/**
 * The headers that go with a refusal: an RFC 6750 challenge on a 401 (`error="invalid_token"` once a token
 * was sent and refused; a bare `Bearer` when none was), `Retry-After` on a 503.
 */
export function refusalHeaders(failure: NotIdentified): Readonly<Record<string, string>> {
  if (failure.code === 'UNAVAILABLE') return { 'Retry-After': String(failure.retryAfterSeconds ?? 5) };
  const sentAToken = failure.reason.startsWith('TOKEN_');
  return { 'WWW-Authenticate': sentAToken ? 'Bearer error="invalid_token"' : 'Bearer' };
}

/** Local mode: any person of the (demo) directory, named in the dev header. */
export function devAuthenticator(people: (id: string) => Promise<Person | null>): Authenticator {
  return {
    mode: 'local',
    async authenticate({ devUser }) {
      const id = devUser?.trim();
      if (!id) return refused('DEV_IDENTITY_MISSING', 'Choose who you are acting as (local mode).');
      const person = await people(id);
      if (!person)
        return refused('DEV_IDENTITY_UNKNOWN', `There is nobody with id "${id}" in the demo directory.`);
      return { ok: true, actor: { id: person.id }, via: 'dev' };
    },
  };
}

export function authenticatorFor(config: AppConfig, directory: Pick<Directory, 'person'>): Authenticator {
  return config.mode === 'tenant'
    ? ssoAuthenticator(createSsoVerifier(config.sso))
    : devAuthenticator((id) => directory.person(id));
}
