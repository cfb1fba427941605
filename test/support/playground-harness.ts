/**
 * Driving the Microsoft 365 Agents Playground in Debian's Chromium: one Playground process and one page
 * per person (the Playground's user is fixed per process, as a Teams client is per person), with helpers
 * for what people do there: open a chat, @mention the bot, wait for a card, click its buttons.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page, type WebSocketRoute } from 'playwright-core';
import type { Person } from '../../src/ports/directory.js';
import {
  startPlayground,
  type PlaygroundOptions,
  type RunningPlayground,
} from '../../src/local/playground.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH);

export const SHOTS_DIR = fileURLToPath(new URL('../../test-results/playground/', import.meta.url));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A card message as the Playground's server pushed it to its page. */
export interface CardMessage {
  readonly conversationId: string;
  readonly messageId: string;
  readonly message: Record<string, unknown>;
  readonly card: Record<string, unknown>;
}

interface ConversationFrame {
  readonly action?: string;
  readonly actionConversationId?: string;
  readonly message?: {
    readonly messageId?: string;
    readonly attachments?: readonly { contentType?: string; content?: unknown }[];
  } & Record<string, unknown>;
}

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

function cardOf(frame: ConversationFrame): CardMessage | null {
  const attachments = frame.message?.attachments ?? [];
  const messageId = frame.message?.messageId;
  const content = attachments[0]?.content;
  if (
    (frame.action !== 'createMessage' && frame.action !== 'updateMessage') ||
    attachments.length !== 1 ||
    attachments[0]?.contentType !== ADAPTIVE ||
    !messageId ||
    !frame.actionConversationId ||
    typeof content !== 'object' ||
    content === null
  )
    return null;
  return {
    conversationId: frame.actionConversationId,
    messageId,
    message: frame.message as Record<string, unknown>,
    card: content as Record<string, unknown>,
  };
}

export const verbsIn = (card: unknown): string[] =>
  [...JSON.stringify(card).matchAll(/"verb":"([^"]+)"/g)].map((m) => m[1] ?? '');

export interface PersonSession {
  readonly person: Person;
  readonly playground: RunningPlayground;
  readonly page: Page;
  /** Every card the Playground pushed to this page, latest version of each message last. */
  readonly cards: readonly CardMessage[];
  openChat(name: string): Promise<void>;
  /** Types in the open chat's message box, @mentioning the bot first, and sends. */
  mentionBot(botName: string, text: string): Promise<void>;
  /**
   * What the Teams client does and the Playground does not (it warns "User specific view is not
   * supported"): for each card whose `refresh.userIds` lists this person, invoke the card's refresh action
   * with `trigger: "automatic"` and show the bot's answer in place of the posted card, to this person
   * only. The invoke goes through the Playground's own endpoint, so the bot sees it exactly as it sees a
   * click, from this person. Returns how many cards were refreshed.
   */
  teamsRefresh(): Promise<number>;
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openAs(
  browser: Browser,
  options: PlaygroundOptions,
  timeoutMs = 15_000,
): Promise<PersonSession> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const playground = await startPlayground(options);
  const person = options.currentUser;
  const cards: CardMessage[] = [];
  const toPage = new Set<WebSocketRoute>();
  let page: Page;
  try {
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(timeoutMs);
    // Pass the Playground's conversation stream through untouched, noting the cards it carries, so the
    // test can emulate Teams' refresh on them (teamsRefresh) without changing what the Playground shows.
    await page.routeWebSocket(/\/_ws_conversation\//, (route) => {
      const server = route.connectToServer();
      toPage.add(route);
      route.onClose(() => toPage.delete(route));
      server.onMessage((data) => {
        try {
          const card = cardOf(JSON.parse(String(data)) as ConversationFrame);
          if (card) cards.push(card);
        } catch {
          // not JSON: not a message frame
        }
        route.send(data);
      });
      route.onMessage((data) => server.send(data));
    });
    await page.goto(playground.url);
    // The Playground installs the app in the personal chat on load; the bot's greeting means the bot has
    // heard from this person and stored the conversation.
    await page.getByText('Plan Builder is here').first().waitFor();
  } catch (error) {
    await playground.close();
    throw new Error(
      `Could not open the Playground as ${person.displayName}: ${error instanceof Error ? error.message : String(error)}\n${playground.output()}`,
      { cause: error },
    );
  }

  const latest = (): CardMessage[] => {
    const byId = new Map<string, CardMessage>();
    for (const card of cards) byId.set(`${card.conversationId}/${card.messageId}`, card);
    return [...byId.values()];
  };

  return {
    person,
    playground,
    page,
    cards,
    async openChat(name) {
      await page.getByText(name, { exact: true }).first().click();
    },
    async mentionBot(botName, text) {
      const box = page.getByRole('textbox');
      await box.click();
      await page.keyboard.type(`@${botName.slice(0, 4)}`);
      await page.getByRole('menuitem', { name: botName }).click();
      await page.keyboard.type(` ${text}`);
      await page.keyboard.press('Enter');
    },
    async teamsRefresh() {
      let refreshed = 0;
      const mri = `8:orgid:${person.id}`;
      for (const shown of latest()) {
        const refresh = shown.card['refresh'] as { action?: unknown; userIds?: unknown } | undefined;
        if (!refresh?.action || !Array.isArray(refresh.userIds) || !refresh.userIds.includes(mri)) continue;
        const response = await fetch(`${playground.url}/_conversation/v1/invoke`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            name: 'adaptiveCard/action',
            value: { action: refresh.action, trigger: 'automatic' },
            from: { id: person.id },
            conversation: { id: shown.conversationId },
            replyToId: shown.messageId,
          }),
        });
        const body = (await response.json()) as { type?: string; value?: unknown };
        if (response.status !== 200 || body.type !== ADAPTIVE || typeof body.value !== 'object')
          throw new Error(`The refresh invoke answered ${response.status}: ${JSON.stringify(body)}`);
        const frame = {
          action: 'updateMessage',
          actionConversationId: shown.conversationId,
          message: { ...shown.message, attachments: [{ contentType: ADAPTIVE, content: body.value }] },
        };
        cards.push({ ...shown, message: frame.message, card: body.value as Record<string, unknown> });
        for (const route of toPage) route.send(JSON.stringify(frame));
        refreshed += 1;
      }
      return refreshed;
    },
    async shot(name) {
      const file = path.join(SHOTS_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await page.close().catch(() => undefined);
      await playground.close();
    },
  };
}
