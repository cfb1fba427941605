import { afterEach, describe, expect, it } from 'vitest';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('protocol', () => {
  it('answers 401 without a bearer token, before doing anything', async () => {
    h = await startHarness();
    const res = await fetch(`${h.emu.url}/v1.0${h.site}/lists`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string } };
    expect(body.error.code).toBe('InvalidAuthenticationToken');
  });

  it('uses acceptToken when given', async () => {
    h = await startHarness({ acceptToken: (t) => t === 'good' });
    const bad = await h.call('GET', h.site, undefined, { Authorization: 'Bearer bad' });
    expect(bad.status).toBe(401);
    const good = await h.call('GET', h.site, undefined, { Authorization: 'Bearer good' });
    expect(good.status).toBe(200);
  });

  it('echoes client-request-id and sends a request-id on every answer', async () => {
    h = await startHarness();
    const r = await h.call('GET', h.site, undefined, { 'client-request-id': 'abc-123' });
    expect(r.headers.get('client-request-id')).toBe('abc-123');
    expect(r.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.get('content-type')).toMatch(/^application\/json;/);
    const err = await h.call('GET', '/sites/nope.sharepoint.com');
    expect(err.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses what it does not support with a Graph-shaped 400 that says so', async () => {
    h = await startHarness();
    for (const [method, path] of [
      ['GET', '/me'],
      ['GET', `${h.site}/lists/Documents/items/1/versions`],
      ['DELETE', `${h.site}/lists/Documents`],
      ['POST', `${h.site}/drive/root:/big.bin:/createUploadSession`],
    ] as const) {
      const r = await h.call(method, path);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({
        error: { code: 'invalidRequest', message: expect.stringContaining('not supported by the emulator') },
      });
    }
    const beta = await fetch(`${h.emu.url}/beta/sites`, { headers: { Authorization: 'Bearer t' } });
    expect(beta.status).toBe(400);
  });

  it('requires Content-Type: application/json with a JSON body and refuses malformed JSON', async () => {
    h = await startHarness();
    const noType = await fetch(`${h.emu.url}/v1.0${h.site}/lists`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'text/plain' },
      body: JSON.stringify({ displayName: 'X' }),
    });
    expect(noType.status).toBe(400);
    const broken = await h.call('POST', `${h.site}/lists`, Buffer.from('{"displayName":'), {
      'Content-Type': 'application/json',
    });
    expect(broken.status).toBe(400);
  });
});
