/**
 * The route table: every Graph path and method the emulator answers, the handler for it and what it costs
 * in SharePoint resource units. Anything not here is a 400 "not supported by the emulator".
 */
import * as directory from '../resources/directory-routes.js';
import * as drive from '../resources/drive-routes.js';
import { deltaCost, itemsDelta } from '../resources/delta-routes.js';
import * as items from '../resources/item-routes.js';
import * as lists from '../resources/list-routes.js';
import * as pages from '../resources/page-routes.js';
import type { Route } from './route-matcher.js';
import { getSite } from '../resources/site-routes.js';
import * as teams from '../resources/teams-routes.js';

const DRIVE_PREFIXES = ['/drives/{drive}', '/sites/{site}/drive'];

/** Every driveItem route answers under both `/drives/{drive}` and `/sites/{site}/drive`. */
const driveRoutes: Route[] = DRIVE_PREFIXES.flatMap((p): Route[] => [
  { method: 'GET', pattern: `${p}/root`, ru: 1, handler: drive.getItemMetadata },
  { method: 'GET', pattern: `${p}/items/{item}`, ru: 1, handler: drive.getItemMetadata },
  { method: 'GET', pattern: `${p}/root/{:path}`, ru: 1, handler: drive.getItemMetadata },
  { method: 'GET', pattern: `${p}/items/{item}/{:path}`, ru: 1, handler: drive.getItemMetadata },
  { method: 'GET', pattern: `${p}/items/{item}/content`, ru: 1, handler: drive.downloadContent },
  { method: 'GET', pattern: `${p}/root/{:path}/content`, ru: 1, handler: drive.downloadContent },
  { method: 'PUT', pattern: `${p}/root/{:path}/content`, ru: 2, handler: drive.uploadContent },
  { method: 'PUT', pattern: `${p}/items/{item}/{:path}/content`, ru: 2, handler: drive.uploadContent },
  { method: 'PUT', pattern: `${p}/items/{item}/content`, ru: 2, handler: drive.uploadContent },
  { method: 'GET', pattern: `${p}/items/{item}/versions`, ru: 2, handler: drive.listVersions },
  { method: 'GET', pattern: `${p}/items/{item}/listItem`, ru: 1, handler: drive.getListItemOfFile },
  {
    method: 'GET',
    pattern: `${p}/items/{item}/listItem/fields`,
    ru: 1,
    handler: drive.getListItemFieldsOfFile,
  },
  {
    method: 'PATCH',
    pattern: `${p}/items/{item}/listItem/fields`,
    ru: 2,
    handler: drive.patchListItemFieldsOfFile,
  },
]);

const LIST = '/sites/{site}/lists/{list}';

export const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: '/sites/{site}', ru: 1, handler: getSite },
  { method: 'GET', pattern: '/sites/{site}/lists', ru: 2, handler: lists.getLists },
  { method: 'POST', pattern: '/sites/{site}/lists', ru: 2, handler: lists.createList },
  { method: 'GET', pattern: LIST, ru: 1, handler: lists.getOneList },
  { method: 'GET', pattern: `${LIST}/columns`, ru: 2, handler: lists.getColumns },
  { method: 'POST', pattern: `${LIST}/columns`, ru: 2, handler: lists.createColumn },
  { method: 'GET', pattern: `${LIST}/columns/{column}`, ru: 1, handler: lists.getOneColumn },
  { method: 'PATCH', pattern: `${LIST}/columns/{column}`, ru: 2, handler: lists.updateColumn },
  { method: 'GET', pattern: `${LIST}/items`, ru: 2, handler: items.listItems },
  { method: 'POST', pattern: `${LIST}/items`, ru: 2, handler: items.createItem },
  // Before items/{item}, which would otherwise take `delta` for an item id.
  { method: 'GET', pattern: `${LIST}/items/delta`, ru: deltaCost, handler: itemsDelta },
  { method: 'GET', pattern: `${LIST}/items/delta()`, ru: deltaCost, handler: itemsDelta },
  { method: 'GET', pattern: `${LIST}/items/{item}`, ru: 1, handler: items.getOneItem },
  { method: 'PATCH', pattern: `${LIST}/items/{item}`, ru: 2, handler: items.patchItem },
  { method: 'DELETE', pattern: `${LIST}/items/{item}`, ru: 2, handler: items.deleteOneItem },
  { method: 'GET', pattern: `${LIST}/items/{item}/fields`, ru: 1, handler: items.getItemFields },
  { method: 'PATCH', pattern: `${LIST}/items/{item}/fields`, ru: 2, handler: items.patchItemFields },
  { method: 'GET', pattern: '/sites/{site}/drive', ru: 1, handler: drive.getDriveJson },
  { method: 'GET', pattern: '/sites/{site}/drives', ru: 2, handler: drive.getDrives },
  { method: 'GET', pattern: '/drives/{drive}', ru: 1, handler: drive.getDriveJson },
  ...driveRoutes,
  { method: 'GET', pattern: '/sites/{site}/pages', ru: 2, handler: pages.listPages },
  { method: 'POST', pattern: '/sites/{site}/pages', ru: 2, handler: pages.createPage },
  { method: 'GET', pattern: '/sites/{site}/pages/{page}', ru: 1, handler: pages.getPage },
  {
    method: 'GET',
    pattern: '/sites/{site}/pages/{page}/microsoft.graph.sitePage',
    ru: 1,
    handler: pages.getPage,
  },
  {
    method: 'POST',
    pattern: '/sites/{site}/pages/{page}/microsoft.graph.sitePage/publish',
    ru: 2,
    handler: pages.publishPage,
  },
  // Directory and Teams calls are not SharePoint calls, so they cost no SharePoint resource units.
  { method: 'GET', pattern: '/users', ru: 0, handler: directory.listUsers },
  { method: 'GET', pattern: '/users/{user}', ru: 0, handler: directory.getUser },
  { method: 'GET', pattern: '/groups/{group}', ru: 0, handler: directory.getGroup },
  { method: 'GET', pattern: '/groups/{group}/members', ru: 0, handler: directory.listMembers },
  {
    method: 'GET',
    pattern: '/groups/{group}/transitiveMembers',
    ru: 0,
    handler: directory.listTransitiveMembers,
  },
  { method: 'POST', pattern: '/users/{user}/teamwork/installedApps', ru: 0, handler: teams.installApp },
  { method: 'GET', pattern: '/users/{user}/teamwork/installedApps', ru: 0, handler: teams.listInstalledApps },
  {
    method: 'GET',
    pattern: '/users/{user}/teamwork/installedApps/{installation}',
    ru: 0,
    handler: teams.getInstalledApp,
  },
  {
    method: 'DELETE',
    pattern: '/users/{user}/teamwork/installedApps/{installation}',
    ru: 0,
    handler: teams.uninstallApp,
  },
  {
    method: 'GET',
    pattern: '/users/{user}/teamwork/installedApps/{installation}/chat',
    ru: 0,
    handler: teams.getInstallChat,
  },
];
