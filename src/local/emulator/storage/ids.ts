/**
 * Ids and keys as SharePoint shapes them: GUIDs, driveItem and drive ids, internal column names,
 * second-precision timestamps, and the case-folded key used for case-insensitive lookups.
 */
import { randomBytes, randomUUID } from 'node:crypto';

export const newGuid = (): string => randomUUID();

/** SharePoint timestamps in Graph have second precision and a Z suffix. */
export const isoSeconds = (d: Date): string => d.toISOString().slice(0, 19) + 'Z';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Real driveItem ids look like `01` followed by 32 upper-case base32 characters. */
export function newDriveItemId(): string {
  const bytes = randomBytes(32);
  let out = '01';
  for (const b of bytes) out += BASE32[b % 32] ?? 'A';
  return out;
}

const guidBytes = (guid: string): Buffer => Buffer.from(guid.replace(/-/g, ''), 'hex');

/** A real drive id is `b!` + base64url of the site collection, web and list GUIDs. */
export const driveIdFor = (siteGuid: string, webGuid: string, listGuid: string): string =>
  'b!' + Buffer.concat([guidBytes(siteGuid), guidBytes(webGuid), guidBytes(listGuid)]).toString('base64url');

/**
 * SharePoint derives a column's internal name from its display name: a space becomes `_x0020_` and every
 * other character outside [A-Za-z0-9_] becomes `_xHHHH_`.
 */
export function internalNameFor(displayName: string): string {
  let out = '';
  for (const ch of displayName) {
    if (/[A-Za-z0-9_]/.test(ch)) out += ch;
    else out += '_x' + (ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0') + '_';
  }
  return out;
}

/** Case-insensitive key used wherever SharePoint compares names or values without regard to case. */
export const foldKey = (s: string): string => s.toLowerCase();
