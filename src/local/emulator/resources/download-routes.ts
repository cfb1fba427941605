/**
 * Pre-authenticated download URLs, as Graph gives them in `@microsoft.graph.downloadUrl` and in the
 * `Location` of `GET …/content`'s 302: `<origin>/_download/<token>` on the emulator's own origin, valid for
 * an hour, needing no Authorization header, answering `Range` with 206 and `Content-Range`.
 */
import type { EmuResponse, Env } from '../http/http-types.js';
import { signToken, verifyToken } from '../odata/signed-token.js';
import { emulatorSecret } from '../storage/change-log.js';
import { content, findDriveItem, getDrive } from '../storage/drive-store.js';
import type { DriveItemRow, DriveRow } from '../storage/drive-store.js';

const PURPOSE = 'download';
/** Graph says "a few minutes" for /content's Location and an hour for the annotation; one rule here. */
export const DOWNLOAD_URL_LIFETIME_MS = 60 * 60 * 1000;
export const DOWNLOAD_PREFIX = '/_download/';

/** The caller's app id travels in the token, for the record; downloads themselves cost no RU here (the /content request did). */
export function downloadUrlFor(
  env: Env,
  origin: string,
  drive: DriveRow,
  file: DriveItemRow,
  appId: string,
): string {
  const token = signToken(emulatorSecret(env.store), PURPOSE, {
    drive: drive.id,
    item: file.id,
    app: appId,
    exp: env.now().getTime() + DOWNLOAD_URL_LIFETIME_MS,
  });
  return `${origin}${DOWNLOAD_PREFIX}${token}`;
}

const plain = (status: number, message: string, headers: Record<string, string> = {}): EmuResponse => ({
  kind: 'bytes',
  status,
  bytes: Buffer.from(message, 'utf8'),
  contentType: 'text/plain; charset=utf-8',
  headers,
});

/** `bytes=a-b`, `bytes=a-` or `bytes=-n`; several ranges or a malformed header get the whole file (200). */
function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'whole' | 'unsatisfiable' {
  if (header === undefined) return 'whole';
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (m === null || (m[1] === '' && m[2] === '')) return 'whole';
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

export function serveDownload(env: Env, token: string, range: string | undefined): EmuResponse {
  const p = verifyToken(emulatorSecret(env.store), PURPOSE, token);
  if (p === undefined || typeof p['drive'] !== 'string' || typeof p['item'] !== 'string')
    return plain(401, 'This download URL is not valid.');
  if (typeof p['exp'] !== 'number' || p['exp'] < env.now().getTime())
    return plain(401, 'This download URL has expired; ask Graph for a new one.');
  let file: DriveItemRow | undefined;
  try {
    file = findDriveItem(env.store, getDrive(env.store, p['drive']), p['item']);
  } catch {
    file = undefined;
  }
  if (file === undefined || file.is_folder === 1) return plain(404, 'The file no longer exists.');
  const bytes = content(env.store, file);
  const type = file.mime ?? 'application/octet-stream';
  const r = parseRange(range, bytes.length);
  if (r === 'unsatisfiable')
    return plain(416, 'Requested range not satisfiable.', { 'Content-Range': `bytes */${bytes.length}` });
  if (r === 'whole')
    return { kind: 'bytes', status: 200, bytes, contentType: type, headers: { 'Accept-Ranges': 'bytes' } };
  return {
    kind: 'bytes',
    status: 206,
    bytes: bytes.subarray(r.start, r.end + 1),
    contentType: type,
    headers: { 'Accept-Ranges': 'bytes', 'Content-Range': `bytes ${r.start}-${r.end}/${bytes.length}` },
  };
}
