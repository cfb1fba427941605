/**
 * Who is asking. Inside Teams: a validated SSO bearer token, and nothing else. In local mode only, the
 * tab's "acting as" picker sends a demo person's id in a header; a tenant-mode server never reads it and
 * refuses a request that relies on it. Identity never comes from a request body.
 */
import type { Actor } from '../../domain/commands.js';
import type { Directory, Person } from '../../ports/directory.js';
import type { DevIdentityHeader } from '../../shared/api.js';
import type { AppConfig } from '../config.js';
import { createSsoVerifier, type SsoVerifier } from './sso-verifier.js';

export const DEV_HEADER: DevIdentityHeader = 'x-pb-dev-user';

export interface Identified {
  readonly ok: true;
  readonly actor: Actor;
  readonly via: 'sso' | 'dev';
}

export type Authentication = Identified | { readonly ok: false; readonly message: string };

export interface RequestCredentials {
  readonly authorization: string | undefined;
  readonly devUser: string | undefined;
}

export interface Authenticator {
  readonly mode: AppConfig['mode'];
  authenticate(credentials: RequestCredentials): Promise<Authentication>;
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/;

export function ssoAuthenticator(verifier: SsoVerifier): Authenticator {
  return {
    mode: 'tenant',
    async authenticate({ authorization, devUser }) {
      const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
      if (!token) {
        return {
          ok: false,
          message:
            devUser !== undefined
              ? 'The development identity is refused: this server runs in tenant mode. Open Plan Builder in Teams.'
              : 'Sign in through Teams: no access token was sent.',
        };
      }
      const checked = await verifier.verify(token);
      if (!checked.ok) return { ok: false, message: `Your sign-in was refused: ${checked.reason}.` };
      return { ok: true, actor: { id: checked.identity.oid }, via: 'sso' };
    },
  };
}

/** Local mode: any person of the (demo) directory, named in the dev header. */
export function devAuthenticator(people: (id: string) => Promise<Person | null>): Authenticator {
  return {
    mode: 'local',
    async authenticate({ devUser }) {
      const id = devUser?.trim();
      if (!id) return { ok: false, message: 'Choose who you are acting as (local mode).' };
      const person = await people(id);
      if (!person) return { ok: false, message: `There is nobody with id "${id}" in the demo directory.` };
      return { ok: true, actor: { id: person.id }, via: 'dev' };
    },
  };
}

export function authenticatorFor(config: AppConfig, directory: Pick<Directory, 'person'>): Authenticator {
  return config.mode === 'tenant'
    ? ssoAuthenticator(createSsoVerifier(config.sso))
    : devAuthenticator((id) => directory.person(id));
}
