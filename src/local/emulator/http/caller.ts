/**
 * Who is calling: the app named by the bearer token (createdBy.application), the default client when the
 * token names none, and the system identity the admin API writes as.
 */
import type { Caller } from './http-types.js';
import type { Identity } from '../storage/item-store.js';

export const DEFAULT_CALLER: Caller = {
  appId: '00000000-0000-0000-0000-0000000e0001',
  appName: 'Emulator client',
};

/** Who the admin API writes as (seeding the User Information List, creating a site's library). */
export const SYSTEM_IDENTITY: Identity = {
  application: { id: '00000000-0000-0000-0000-0000000e0000', displayName: 'SharePoint emulator' },
  user: { displayName: 'System Account' },
};

/**
 * If the bearer is a JWT, its `appid`/`azp` and `app_displayname` name the calling app, as they would in
 * SharePoint's createdBy.application; anything else is the default client. Nothing is verified here:
 * that is acceptToken's job.
 */
export function callerFromToken(token: string): Caller {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined) return DEFAULT_CALLER;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null) return DEFAULT_CALLER;
    const c = claims as Record<string, unknown>;
    const appId =
      typeof c['appid'] === 'string' ? c['appid'] : typeof c['azp'] === 'string' ? c['azp'] : undefined;
    if (appId === undefined) return DEFAULT_CALLER;
    const appName = typeof c['app_displayname'] === 'string' ? c['app_displayname'] : appId;
    return { appId, appName };
  } catch {
    return DEFAULT_CALLER;
  }
}
