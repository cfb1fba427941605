import { describe, expect, it } from 'vitest';
import { layoutFor, NARROW_MAX_PX } from '../../../src/tab/host/layout.js';

describe('the tab layout from the host form factor (teams-js app.host.clientType)', () => {
  it('lays out compact for Teams on a phone, however wide the web view reports itself', () => {
    for (const client of ['android', 'ios', 'teamsPhones', 'teamsDisplays']) {
      expect(layoutFor(client, 390), client).toBe('compact');
      expect(layoutFor(client, 1024), client).toBe('compact');
    }
  });

  it('keeps the regular layout on desktop, web, macOS and iPad clients with room, compact when narrow', () => {
    for (const client of ['desktop', 'web', 'macos', 'ipados', 'surfaceHub', 'teamsRoomsWindows']) {
      expect(layoutFor(client, 1280), client).toBe('regular');
      expect(layoutFor(client, NARROW_MAX_PX + 1), client).toBe('regular');
      expect(layoutFor(client, NARROW_MAX_PX), client).toBe('compact');
      expect(layoutFor(client, 320), client).toBe('compact');
    }
  });

  it('outside Teams (local mode in a browser) decides by width alone', () => {
    expect(layoutFor(null, 320)).toBe('compact');
    expect(layoutFor(null, 1280)).toBe('regular');
  });

  it('does not treat an unknown or misspelt client type as a phone', () => {
    expect(layoutFor('Android', 1280)).toBe('regular');
    expect(layoutFor('', 1280)).toBe('regular');
  });
});
