/**
 * A stand-in for Entra ID: an RSA key generated here, its JWKS served on loopback, and tokens signed
 * with it carrying the claims Teams SSO tokens carry. Also the forgeries the server must refuse.
 */
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

export const TENANT_ID = '11111111-2222-4333-8444-555555555555';
export const OTHER_TENANT_ID = '99999999-8888-4777-8666-555555555555';
export const CLIENT_ID = '66666666-7777-4888-9999-000000000000';
const KID = 'test-key-1';

export interface TokenIssuer {
  readonly jwksUrl: string;
  /** A v2 token for the user, valid now, with any claim overridden (undefined removes it). */
  sign(claims: Readonly<Record<string, unknown>>, options?: SignOptions): Promise<string>;
  /** The same claims signed by a key the tenant never published, under the published key id. */
  signWithForeignKey(claims: { oid: string }): Promise<string>;
  close(): Promise<void>;
}

export interface SignOptions {
  readonly header?: Record<string, unknown>;
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned token: header `alg: none`, empty signature. */
export function unsignedToken(claims: Record<string, unknown>): string {
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
}

export function claimsFor(oid: string, nowSeconds = Math.floor(Date.now() / 1000)): JWTPayload {
  return {
    aud: CLIENT_ID,
    iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
    tid: TENANT_ID,
    oid,
    name: 'Test User',
    iat: nowSeconds - 60,
    nbf: nowSeconds - 60,
    exp: nowSeconds + 3600,
    ver: '2.0',
  };
}

async function signed(key: CryptoKey, payload: JWTPayload, header: Record<string, unknown>): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: KID, ...header }).sign(key);
}

export async function startTokenIssuer(): Promise<TokenIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  const server: Server = createServer((request, response) => {
    if (request.url === '/keys') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ keys: [jwk] }));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  const build = (claims: Readonly<Record<string, unknown>>): JWTPayload => {
    const payload: Record<string, unknown> = { ...claimsFor(String(claims['oid'] ?? '')), ...claims };
    for (const [name, value] of Object.entries(claims)) if (value === undefined) delete payload[name];
    return payload as JWTPayload;
  };
  return {
    jwksUrl: `http://127.0.0.1:${port}/keys`,
    sign: (claims, options = {}) => signed(privateKey, build(claims), options.header ?? {}),
    signWithForeignKey: (claims) => signed(foreign.privateKey, build(claims), {}),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
