/**
 * Opaque tokens the emulator hands out (delta tokens, pre-authenticated download URLs): base64url of a
 * small JSON payload and an HMAC over it, so a client can only echo them back. Anything edited, truncated
 * or made up does not verify.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const MAC_BYTES = 16;

const mac = (secret: Buffer, purpose: string, payload: Buffer): Buffer =>
  createHmac('sha256', secret).update(purpose).update('\0').update(payload).digest().subarray(0, MAC_BYTES);

export function signToken(secret: Buffer, purpose: string, payload: Record<string, unknown>): string {
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  return Buffer.concat([mac(secret, purpose, body), body]).toString('base64url');
}

/** The payload, or undefined for a token that was not made here for this purpose. */
export function verifyToken(
  secret: Buffer,
  purpose: string,
  token: string,
): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]{22,2048}$/.test(token)) return undefined;
  const raw = Buffer.from(token, 'base64url');
  if (raw.toString('base64url') !== token || raw.length <= MAC_BYTES) return undefined;
  const given = raw.subarray(0, MAC_BYTES);
  const body = raw.subarray(MAC_BYTES);
  if (!timingSafeEqual(given, mac(secret, purpose, body))) return undefined;
  try {
    const v: unknown = JSON.parse(body.toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
