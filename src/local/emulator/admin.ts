/**
 * The emulator's admin API, for tests and local mode (not Graph): ensure a site, seed directory users
 * and groups, register a Teams app, forbid an app install for a user, wipe everything.
 */
import { upsertGroupRow, upsertUserRow } from './storage/directory-store.js';
import type { Env } from './http/http-types.js';
import { ensureSite, siteSummary } from './storage/site-provisioning.js';
import { syncUserIntoSites } from './storage/user-info-list.js';
import type { DirectoryUser } from './storage/user-info-list.js';

export interface UserSeed {
  id: string;
  displayName: string;
  mail: string;
  userPrincipalName?: string;
  jobTitle?: string;
}

export interface GroupSeed {
  id: string;
  displayName: string;
  memberIds: string[];
}

export interface TeamsAppSeed {
  /** The catalog id used in `teamsApp@odata.bind`. */
  id: string;
  /** The bot's Microsoft App ID, used in the 1:1 chat id. */
  botAppId: string;
  displayName?: string;
}

export interface EmulatorAdmin {
  ensureSite(path: string, displayName?: string): { id: string; webUrl: string };
  upsertUser(u: UserSeed): void;
  upsertGroup(g: GroupSeed): void;
  forbidAppInstall(userId: string, forbidden: boolean): void;
  /** Optional: without it an installed app's bot id is taken to be its catalog id. */
  registerTeamsApp(app: TeamsAppSeed): void;
  reset(): void;
}

const nonEmpty = (v: string, what: string): string => {
  if (v.trim() === '') throw new TypeError(`${what} must not be empty`);
  return v;
};

export function createAdmin(env: Env): EmulatorAdmin {
  const store = env.store;
  return {
    ensureSite: (path, displayName) => siteSummary(ensureSite(env, nonEmpty(path, 'site path'), displayName)),
    upsertUser: (u) => {
      const user: DirectoryUser = {
        id: nonEmpty(u.id, 'user id'),
        displayName: u.displayName,
        mail: u.mail,
        userPrincipalName: u.userPrincipalName ?? u.mail,
        jobTitle: u.jobTitle ?? null,
      };
      store.tx(() => {
        upsertUserRow(store, user);
        syncUserIntoSites(store, user, env.now());
      });
    },
    upsertGroup: (g) =>
      upsertGroupRow(store, {
        id: nonEmpty(g.id, 'group id'),
        displayName: g.displayName,
        memberIds: [...g.memberIds],
      }),
    forbidAppInstall: (userId, forbidden) => {
      store.run(
        'INSERT INTO app_install_policy (user_id, forbidden) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET forbidden = excluded.forbidden',
        userId,
        forbidden ? 1 : 0,
      );
    },
    registerTeamsApp: (app) => {
      store.run(
        'INSERT INTO teams_apps (id, bot_app_id, display_name) VALUES (?,?,?) ON CONFLICT (id) DO UPDATE SET bot_app_id = excluded.bot_app_id, display_name = excluded.display_name',
        app.id,
        app.botAppId,
        app.displayName ?? app.id,
      );
    },
    reset: () => store.wipe(),
  };
}
