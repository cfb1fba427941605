/**
 * The part of the Adaptive Card 1.5 schema these cards use, as types, with small constructors. Types keep
 * the builders honest at compile time; the tests check the output against the schema's rules.
 */
import type { ActionPayloads, Verb } from './verbs.js';

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_VERSION = '1.5';

export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

export interface TextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly style?: 'heading';
  readonly size?: 'small' | 'medium' | 'large';
  readonly weight?: 'bolder' | 'lighter';
  readonly color?: TextColor;
  readonly isSubtle?: true;
  readonly spacing?: Spacing;
  readonly separator?: true;
}

export interface Fact {
  readonly title: string;
  readonly value: string;
}

export interface FactSet {
  readonly type: 'FactSet';
  readonly facts: readonly Fact[];
  readonly spacing?: Spacing;
}

export interface Container {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly style?: ContainerStyle;
  readonly spacing?: Spacing;
  readonly separator?: true;
}

export interface InputText {
  readonly type: 'Input.Text';
  readonly id: string;
  readonly label: string;
  readonly isMultiline?: true;
  readonly maxLength?: number;
  readonly placeholder?: string;
  readonly isRequired?: true;
  readonly errorMessage?: string;
}

export interface InputChoice {
  readonly title: string;
  readonly value: string;
}

export interface InputChoiceSet {
  readonly type: 'Input.ChoiceSet';
  readonly id: string;
  readonly label: string;
  readonly choices: readonly InputChoice[];
  readonly placeholder?: string;
  readonly isRequired?: true;
  readonly errorMessage?: string;
}

export interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}

export type CardElement = TextBlock | FactSet | Container | InputText | InputChoiceSet | ActionSet;

export interface ExecuteAction<V extends Verb = Verb> {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: V;
  readonly data: ActionPayloads[V];
  readonly associatedInputs?: 'auto' | 'none';
  readonly style?: 'positive' | 'destructive';
}

export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

export interface ShowCardAction {
  readonly type: 'Action.ShowCard';
  readonly title: string;
  readonly card: {
    readonly type: 'AdaptiveCard';
    readonly body: readonly CardElement[];
    readonly actions?: readonly CardAction[];
  };
}

export type CardAction = ExecuteAction | OpenUrlAction | ShowCardAction;

export interface Refresh {
  readonly action: ExecuteAction<'approval.refresh'>;
  readonly userIds?: readonly string[];
}

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: typeof CARD_SCHEMA;
  readonly version: typeof CARD_VERSION;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  readonly refresh?: Refresh;
}

type TextOptions = Omit<TextBlock, 'type' | 'text' | 'wrap'>;

/** `text` must already be safe: literal text from code, or user text passed through escape.ts. */
export const text = (value: string, options: TextOptions = {}): TextBlock => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...options,
});

export const heading = (value: string): TextBlock =>
  text(value, { style: 'heading', size: 'medium', weight: 'bolder' });

export const facts = (entries: readonly Fact[], spacing?: Spacing): FactSet =>
  spacing === undefined ? { type: 'FactSet', facts: entries } : { type: 'FactSet', facts: entries, spacing };

export const container = (
  items: readonly CardElement[],
  options: Omit<Container, 'type' | 'items'> = {},
): Container => ({ type: 'Container', items, ...options });

export function execute<V extends Verb>(
  title: string,
  verb: V,
  data: ActionPayloads[V],
  options: Pick<ExecuteAction, 'associatedInputs' | 'style'> = {},
): ExecuteAction<V> {
  return { type: 'Action.Execute', title, verb, data, ...options };
}

/**
 * Links come from the bot (deep links to the tab, document URLs), never from people; anything but http(s)
 * is a programming error, so it throws rather than putting a `javascript:` link on a button.
 */
export function openUrl(title: string, url: string): OpenUrlAction {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`Card link is not a URL: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new TypeError(`Card link must be http(s): ${JSON.stringify(url)}`);
  }
  return { type: 'Action.OpenUrl', title, url };
}

export function card(
  body: readonly CardElement[],
  actions: readonly CardAction[] = [],
  refresh?: Refresh,
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...(refresh ? { refresh } : {}),
  };
}
