/**
 * Teams routes: apps installed for a user, installing and uninstalling one, and the 1:1 chat with the
 * app's bot; the installations' table rows are read and written here.
 */
import { GraphProblem, directoryNotFound, invalidRequest, itemNotFound } from '../http/graph-errors.js';
import { findUser } from '../storage/directory-store.js';
import { isoSeconds } from '../storage/ids.js';
import { GRAPH_ROOT, emptyResponse, jsonResponse } from '../http/http-types.js';
import type { Call, EmuResponse } from '../http/http-types.js';
import { evaluateFilter, parseFilter, referencedFields } from '../odata/filter.js';
import { allowOptions, parseExpand } from '../odata/query-options.js';
import { jsonObject } from '../http/request-body.js';
import type { Store } from '../storage/sqlite-store.js';
import type { DirectoryUser } from '../storage/user-info-list.js';

interface InstallRow {
  readonly id: string;
  readonly user_id: string;
  readonly teams_app_id: string;
  readonly created: string;
}

export interface TeamsApp {
  readonly id: string;
  readonly botAppId: string;
  readonly displayName: string;
}

/**
 * The app catalog is not modelled beyond what the bot needs: an app id that was never registered is
 * accepted, with the bot id taken to be the catalog id.
 */
export function teamsAppOf(store: Store, id: string): TeamsApp {
  const r = store.get<{ id: string; bot_app_id: string; display_name: string }>(
    'SELECT id, bot_app_id, display_name FROM teams_apps WHERE id = ?',
    id,
  );
  return r === undefined
    ? { id, botAppId: id, displayName: id }
    : { id: r.id, botAppId: r.bot_app_id, displayName: r.display_name };
}

const installationId = (userId: string, appId: string): string =>
  Buffer.from(`${userId}##${appId}`, 'utf8').toString('base64url');

function requireUser(call: Call): DirectoryUser {
  const ref = call.params['user'] ?? '';
  const user = findUser(call.env.store, ref);
  if (user === undefined) throw directoryNotFound(ref);
  return user;
}

const BIND = /^https:\/\/graph\.microsoft\.com\/(v1\.0|beta)\/appCatalogs\/teamsApps\/([^/?#]+)$/;

export function installApp(call: Call): EmuResponse {
  allowOptions(call.query, []);
  const user = requireUser(call);
  const body = jsonObject(call);
  const bind = body['teamsApp@odata.bind'];
  const m = typeof bind === 'string' ? BIND.exec(bind) : null;
  const appId = m?.[2];
  if (appId === undefined) {
    throw invalidRequest(
      'Provide "teamsApp@odata.bind": "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}".',
    );
  }
  const store = call.env.store;
  store.tx(() => {
    const policy = store.get<{ forbidden: number }>(
      'SELECT forbidden FROM app_install_policy WHERE user_id = ?',
      user.id,
    );
    if (policy?.forbidden === 1) {
      throw new GraphProblem(
        403,
        'Forbidden',
        `The app permission policy for user ${user.id} does not allow installing app ${appId}.`,
      );
    }
    if (
      store.get('SELECT 1 FROM installed_apps WHERE user_id = ? AND teams_app_id = ?', user.id, appId) !==
      undefined
    ) {
      throw new GraphProblem(409, 'Conflict', `App ${appId} is already installed for user ${user.id}.`);
    }
    store.run(
      'INSERT INTO installed_apps (id, user_id, teams_app_id, created) VALUES (?,?,?,?)',
      installationId(user.id, appId),
      user.id,
      appId,
      isoSeconds(call.env.now()),
    );
  });
  return emptyResponse(201);
}

function installJson(call: Call, row: InstallRow, expand: readonly string[]): Record<string, unknown> {
  const app = teamsAppOf(call.env.store, row.teams_app_id);
  const out: Record<string, unknown> = { id: row.id };
  if (expand.includes('teamsApp')) {
    out['teamsApp'] = {
      id: app.id,
      externalId: null,
      displayName: app.displayName,
      distributionMethod: 'organization',
    };
  }
  if (expand.includes('teamsAppDefinition')) {
    out['teamsAppDefinition'] = {
      id: Buffer.from(`${app.id}##1.0.0`, 'utf8').toString('base64url'),
      teamsAppId: app.id,
      displayName: app.displayName,
      version: '1.0.0',
    };
  }
  return out;
}

export function listInstalledApps(call: Call): EmuResponse {
  allowOptions(call.query, ['expand', 'filter']);
  const user = requireUser(call);
  const expand = parseExpand(call.query.get('expand'), ['teamsApp', 'teamsAppDefinition']).map((e) => e.name);
  let rows = call.env.store.all<InstallRow>(
    'SELECT * FROM installed_apps WHERE user_id = ? ORDER BY created, id',
    user.id,
  );
  const filterSrc = call.query.get('filter');
  if (filterSrc !== undefined) {
    const parsed = parseFilter(filterSrc);
    if (!parsed.ok) throw invalidRequest(`Invalid filter clause: ${parsed.message}`);
    const bad = referencedFields(parsed.expr).find((f) => f !== 'teamsApp/id');
    if (bad !== undefined)
      throw invalidRequest(`Filtering installed apps on '${bad}' is not supported by the emulator.`);
    const expr = parsed.expr;
    rows = rows.filter((r) => evaluateFilter(expr, () => r.teams_app_id));
  }
  return jsonResponse(200, {
    '@odata.context': `${GRAPH_ROOT}/$metadata#users('${user.id}')/teamwork/installedApps`,
    value: rows.map((r) => installJson(call, r, expand)),
  });
}

function requireInstall(call: Call, user: DirectoryUser): InstallRow {
  const row = call.env.store.get<InstallRow>(
    'SELECT * FROM installed_apps WHERE user_id = ? AND id = ?',
    user.id,
    call.params['installation'] ?? '',
  );
  if (row === undefined) throw itemNotFound('The app installation could not be found.');
  return row;
}

export function getInstalledApp(call: Call): EmuResponse {
  allowOptions(call.query, ['expand']);
  const user = requireUser(call);
  const expand = parseExpand(call.query.get('expand'), ['teamsApp', 'teamsAppDefinition']).map((e) => e.name);
  return jsonResponse(200, installJson(call, requireInstall(call, user), expand));
}

export function uninstallApp(call: Call): EmuResponse {
  allowOptions(call.query, []);
  const user = requireUser(call);
  const row = requireInstall(call, user);
  call.env.store.run('DELETE FROM installed_apps WHERE id = ?', row.id);
  return emptyResponse(204);
}

/** The 1:1 chat between the user and the app's bot: `19:<user-aad-id>_<bot-app-id>@unq.gbl.spaces`. */
export function getInstallChat(call: Call): EmuResponse {
  allowOptions(call.query, []);
  const user = requireUser(call);
  const row = requireInstall(call, user);
  const app = teamsAppOf(call.env.store, row.teams_app_id);
  return jsonResponse(200, {
    '@odata.context': `${GRAPH_ROOT}/$metadata#chats/$entity`,
    id: `19:${user.id}_${app.botAppId}@unq.gbl.spaces`,
    topic: null,
    createdDateTime: row.created,
    lastUpdatedDateTime: row.created,
    chatType: 'oneOnOne',
  });
}
