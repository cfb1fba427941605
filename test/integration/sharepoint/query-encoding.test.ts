/**
 * Graph reads query strings form-encoded (`+` is a space, `%2B` a plus) and the Graph JS client sends
 * query values as given, so the adapter percent-encodes what it puts in a $filter. With the emulator now
 * reading `+` as Graph does, a key with a plus and a key with a space are told apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphLists } from '../../../src/adapters/sharepoint/graph-lists.js';
import { conversationsList } from '../../../src/adapters/sharepoint/list-schema.js';
import { startTestSite, type TestSite } from '../../support/sharepoint.js';

let t: TestSite;
beforeAll(async () => {
  t = await startTestSite();
});
afterAll(async () => {
  await t.close();
});

const conversation = (key: string) => ({
  ConversationKey: key,
  Kind: 'personal',
  ConversationId: `19:${key}`,
  ServiceUrl: 'https://smba.trafficmanager.net/emea/',
  TenantId: 'tenant',
  BotId: 'bot',
  UpdatedAt: '2026-03-02T09:00:00+01:00',
});

describe('the adapter encodes $filter values', () => {
  it("finds a key with a literal + (and & = % ') apart from the same key with a space", async () => {
    const lists = new GraphLists(t.client, t.site);
    const plus = "user+1&x=50% o'neil";
    const space = "user 1&x=50% o'neil";
    expect((await lists.create(conversationsList, conversation(plus))).ok).toBe(true);
    expect((await lists.create(conversationsList, conversation(space))).ok).toBe(true);
    const keys = async (value: string) =>
      (await lists.query({ list: conversationsList, where: { column: 'ConversationKey', value } })).map(
        (i) => i.fields['ConversationKey'],
      );
    expect(await keys(plus)).toEqual([plus]);
    expect(await keys(space)).toEqual([space]);
  });
});
