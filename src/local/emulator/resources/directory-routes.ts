/**
 * Directory routes: `/users` and `/groups` (members, transitive members) with `$filter`, `$select`, `$top`
 * and paging as Graph's directory does them.
 */
import { GraphProblem, directoryNotFound, invalidRequest } from '../http/graph-errors.js';
import { allUsers, findGroup, findUser } from '../storage/directory-store.js';
import type { DirectoryGroup } from '../storage/directory-store.js';
import { GRAPH_ROOT, jsonResponse } from '../http/http-types.js';
import type { Call, EmuResponse } from '../http/http-types.js';
import { evaluateFilter, parseFilter, referencedFields } from '../odata/filter.js';
import { decodeSkipToken, encodeSkipToken, nextLinkFor } from '../odata/paging.js';
import { allowOptions, applySelect, parseSelect, parseTop } from '../odata/query-options.js';
import type { DirectoryUser } from '../storage/user-info-list.js';

/** Directory collections page at 100 by default and refuse $top above 999. */
const DIRECTORY_PAGE = { defaultSize: 100, max: 999, clamp: false } as const;
const FILTERABLE = new Set([
  'id',
  'displayName',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'givenName',
  'surname',
]);
const USER_PROPERTIES_NOT_STORED = [
  'accountEnabled',
  'companyName',
  'department',
  'employeeId',
  'otherMails',
  'proxyAddresses',
  'userType',
  'usageLocation',
];

function userJson(u: DirectoryUser): Record<string, unknown> {
  return {
    businessPhones: [],
    displayName: u.displayName,
    givenName: null,
    jobTitle: u.jobTitle,
    mail: u.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: null,
    userPrincipalName: u.userPrincipalName,
    id: u.id,
  };
}

const groupJson = (g: DirectoryGroup): Record<string, unknown> => ({
  id: g.id,
  displayName: g.displayName,
  description: null,
  groupTypes: [],
  mail: null,
  mailEnabled: false,
  securityEnabled: true,
});

const selectUser = (
  obj: Record<string, unknown>,
  select: readonly string[] | undefined,
): Record<string, unknown> =>
  applySelect(obj, select, 'microsoft.graph.user', [], USER_PROPERTIES_NOT_STORED);

const unsupportedQuery = (message: string): GraphProblem =>
  new GraphProblem(400, 'Request_UnsupportedQuery', message);

export function getUser(call: Call): EmuResponse {
  allowOptions(call.query, ['select']);
  const user = findUser(call.env.store, call.params['user'] ?? '');
  if (user === undefined) throw directoryNotFound(call.params['user'] ?? '');
  return jsonResponse(200, {
    '@odata.context': `${GRAPH_ROOT}/$metadata#users/$entity`,
    ...selectUser(userJson(user), parseSelect(call.query.get('select'))),
  });
}

interface Paged {
  readonly id: string;
  readonly json: Record<string, unknown>;
}

/** Rows are in id order; the token carries the last id so a page boundary survives inserts and deletes. */
function page(call: Call, rows: readonly Paged[], context: string): EmuResponse {
  const top = parseTop(call.query.get('top'), DIRECTORY_PAGE);
  const token = call.query.get('skiptoken');
  const after = token === undefined ? undefined : decodeSkipToken(token, [], /^[^&]+$/).id;
  const remaining = after === undefined ? rows : rows.filter((r) => r.id > after);
  const slice = remaining.slice(0, top);
  const body: Record<string, unknown> = { '@odata.context': context, value: slice.map((r) => r.json) };
  const last = slice[slice.length - 1];
  if (remaining.length > top && last !== undefined) {
    body['@odata.nextLink'] = nextLinkFor(
      call.req,
      call.query,
      encodeSkipToken({ id: last.id, sortValues: [] }, []),
    );
  }
  return jsonResponse(200, body);
}

export function listUsers(call: Call): EmuResponse {
  allowOptions(call.query, ['select', 'filter', 'top', 'skiptoken']);
  const select = parseSelect(call.query.get('select'));
  const filterSrc = call.query.get('filter');
  let users = allUsers(call.env.store);
  if (filterSrc !== undefined) {
    const parsed = parseFilter(filterSrc);
    if (!parsed.ok) throw invalidRequest(`Invalid filter clause: ${parsed.message}`);
    for (const f of referencedFields(parsed.expr)) {
      if (!FILTERABLE.has(f)) {
        throw unsupportedQuery(
          `Unsupported or invalid query filter clause specified for property '${f}' of resource 'User'.`,
        );
      }
    }
    const expr = parsed.expr;
    users = users.filter((u) => {
      const json = userJson(u);
      return evaluateFilter(expr, (f) => {
        const v = json[f];
        return typeof v === 'string' ? v : null;
      });
    });
  }
  return page(
    call,
    users.map((u) => ({ id: u.id, json: selectUser(userJson(u), select) })),
    `${GRAPH_ROOT}/$metadata#users`,
  );
}

function requireGroup(call: Call): DirectoryGroup {
  const id = call.params['group'] ?? '';
  const g = findGroup(call.env.store, id);
  if (g === undefined) throw directoryNotFound(id);
  return g;
}

export function getGroup(call: Call): EmuResponse {
  allowOptions(call.query, ['select']);
  const g = requireGroup(call);
  return jsonResponse(200, {
    '@odata.context': `${GRAPH_ROOT}/$metadata#groups/$entity`,
    ...applySelect(groupJson(g), parseSelect(call.query.get('select')), 'microsoft.graph.group'),
  });
}

function memberRows(call: Call, ids: Iterable<string>): Paged[] {
  const select = parseSelect(call.query.get('select'));
  const rows: Paged[] = [];
  for (const id of ids) {
    const user = findUser(call.env.store, id);
    if (user !== undefined && user.id === id) {
      rows.push({
        id,
        json: { '@odata.type': '#microsoft.graph.user', ...selectUser(userJson(user), select) },
      });
      continue;
    }
    const group = findGroup(call.env.store, id);
    if (group !== undefined) {
      rows.push({
        id,
        json: {
          '@odata.type': '#microsoft.graph.group',
          ...applySelect(
            groupJson(group),
            select?.filter((s) => s in groupJson(group)),
            'microsoft.graph.group',
          ),
        },
      });
    }
  }
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function listMembers(call: Call): EmuResponse {
  allowOptions(call.query, ['select', 'top', 'skiptoken']);
  const g = requireGroup(call);
  return page(call, memberRows(call, g.memberIds), `${GRAPH_ROOT}/$metadata#directoryObjects`);
}

/** Nested groups appear themselves and through their members, once each; cycles are harmless. */
export function listTransitiveMembers(call: Call): EmuResponse {
  allowOptions(call.query, ['select', 'top', 'skiptoken']);
  const root = requireGroup(call);
  const seen = new Set<string>();
  const queue = [...root.memberIds];
  while (queue.length > 0) {
    const id = queue.shift();
    if (id === undefined || seen.has(id) || id === root.id) continue;
    seen.add(id);
    const nested = findGroup(call.env.store, id);
    if (nested !== undefined) queue.push(...nested.memberIds);
  }
  return page(call, memberRows(call, seen), `${GRAPH_ROOT}/$metadata#directoryObjects`);
}
