/**
 * Generated input against the validators at the edge: the card action parser, the rich-text validator,
 * and whole activities posted to the bot endpoint. Nothing crashes, nothing answers 500, nothing changes.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAction, VERBS } from '../../../src/cards/verbs.js';
import { validateRichText } from '../../../src/domain/sections/rich-text.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { startTabServer, type TabServer } from '../../support/tab-server.js';
import { demoPeople } from '../../../src/local/demo/people.js';
import { DEMO_PLAN_ID } from '../../../src/local/demo/seed.js';

describe('validators under generated input', () => {
  it('the card action parser returns a typed result for any verb and data', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...VERBS), fc.string()), fc.jsonValue(), (verb, data) => {
        const result = parseAction(verb, data);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('the rich-text validator accepts only the closed model and never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const result = validateRichText(value);
        if (result.ok) expect(JSON.stringify(result.value)).not.toMatch(/javascript:|<script/i);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the bot endpoint under generated activities', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('never answers 500 and never changes the plan', async () => {
    const before = JSON.stringify(await bot.app.store.load('demo-productivity-plan'));
    const activity = fc.record(
      {
        type: fc.constantFrom('message', 'invoke', 'conversationUpdate', 'event', 'nonsense'),
        name: fc.constantFrom('adaptiveCard/action', 'other', ''),
        text: fc.string(),
        channelId: fc.constantFrom('msteams', 'webchat'),
        serviceUrl: fc.constant(bot.connector.url),
        from: fc.record(
          { id: fc.string(), aadObjectId: fc.oneof(fc.uuid(), fc.string()) },
          { requiredKeys: [] },
        ),
        recipient: fc.record({ id: fc.string() }),
        conversation: fc.record({
          id: fc.string({ minLength: 1 }),
          conversationType: fc.constantFrom('personal', 'groupChat', 'channel'),
        }),
        value: fc.oneof(
          fc.jsonValue(),
          fc.record({
            action: fc.record({
              type: fc.constant('Action.Execute'),
              verb: fc.constantFrom(...VERBS, 'x'),
              data: fc.jsonValue(),
            }),
            trigger: fc.constantFrom('manual', 'automatic'),
          }),
        ),
      },
      { requiredKeys: ['type'] },
    );
    await fc.assert(
      fc.asyncProperty(activity, async (body) => {
        const response = await bot.post(body as Record<string, unknown>);
        // 501 is the Bot Framework's answer to an invoke no route handles: a refusal, not a crash.
        expect(response.status === 501 || response.status < 500, `status ${response.status}`).toBe(true);
      }),
      { numRuns: 150 },
    );
    const raw = await fetch(`${bot.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"type": "message",',
    });
    expect(raw.status).toBe(400);
    expect(JSON.stringify(await bot.app.store.load('demo-productivity-plan'))).toBe(before);
  });
});

describe('the tab API under generated request bodies', () => {
  let tab: TabServer;
  beforeAll(async () => {
    tab = await startTabServer();
  });
  afterAll(async () => {
    await tab.close();
  });

  it('answers every malformed body with a typed 4xx, never a 500, and changes nothing', async () => {
    const lead = tab.as(demoPeople.planLead.id);
    const sectionText = async () => {
      const loaded = await tab.app.store.load(DEMO_PLAN_ID);
      return loaded.ok ? loaded.value.plan.sections.map((s) => s.content) : null;
    };
    const before = await sectionText();
    const routes: readonly [string, string][] = [
      ['POST', '/api/plans'],
      ['PUT', `/api/plans/${DEMO_PLAN_ID}/dates`],
      ['PUT', `/api/plans/${DEMO_PLAN_ID}/sections/foreword`],
      ['POST', `/api/plans/${DEMO_PLAN_ID}/sections/context/assign`],
      ['POST', `/api/plans/${DEMO_PLAN_ID}/sections/context/request-changes`],
      ['POST', `/api/plans/${DEMO_PLAN_ID}/stages/implications-sign-off/respond`],
      ['POST', `/api/plans/${DEMO_PLAN_ID}/kpis`],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.jsonValue({ maxDepth: 4 }),
        async ([method, route], body) => {
          const answer = await lead(method, route, body);
          expect(answer.status, `${method} ${route}`).toBeLessThan(500);
          if (answer.status >= 400)
            expect(answer.body).toMatchObject({ error: { code: expect.any(String) } });
        },
      ),
      { numRuns: 150 },
    );
    // Generated bodies that happen to be valid may set dates or create plans; no section text changes.
    expect(await sectionText()).toEqual(before);
  });
});
