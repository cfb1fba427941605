import { describe, expect, it } from 'vitest';
import { graphPathOf } from '../../src/adapters/sharepoint/graph-link.js';

describe('graphPathOf: a nextLink as a path under /v1.0', () => {
  it("cuts Graph's own origin", () => {
    expect(graphPathOf('https://graph.microsoft.com/v1.0/users?$top=2&$skiptoken=abc')).toBe(
      '/users?$top=2&$skiptoken=abc',
    );
  });

  it("cuts the emulator's loopback origin, which the Graph JS client would not see as absolute", () => {
    expect(graphPathOf('http://127.0.0.1:5980/v1.0/sites/a,b,c/lists?$skiptoken=UGFnZWQ')).toBe(
      '/sites/a,b,c/lists?$skiptoken=UGFnZWQ',
    );
    expect(graphPathOf('http://127.0.0.1:5980/v1.0?x=1')).toBe('/?x=1');
  });

  it('leaves a path, or a URL under another root, as it is', () => {
    expect(graphPathOf('/users?$top=2')).toBe('/users?$top=2');
    expect(graphPathOf('https://graph.microsoft.com/beta/users')).toBe(
      'https://graph.microsoft.com/beta/users',
    );
    expect(graphPathOf('https://graph.microsoft.com/v1.0x/users')).toBe(
      'https://graph.microsoft.com/v1.0x/users',
    );
  });
});
