/**
 * Adaptive Card 1.5, structurally, as zod schemas transcribed from the published JSON schema
 * (microsoft/AdaptiveCards, schemas/1.5.0/adaptive-card.json): the same property names per type, the same
 * `additionalProperties: false`, required properties and enumerations. No copy of that schema is in any
 * installed package, so it cannot be run here with a JSON Schema validator.
 *
 * It covers the types our cards use (TextBlock, FactSet, Container, ActionSet, Input.Text,
 * Input.ChoiceSet; Action.Execute, Action.OpenUrl, Action.ShowCard; Refresh). Any other type is refused,
 * which is stricter than the schema: a card that grows a new element type must add it here first.
 * Enumerations take the documented lower-case spellings only (the schema also accepts other casings).
 */
import { z } from 'zod';

const spacing = z.enum(['default', 'none', 'small', 'medium', 'large', 'extraLarge', 'padding']);
const blockHeight = z.enum(['auto', 'stretch']);
const colors = z.enum(['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention']);
const containerStyle = z.enum(['default', 'emphasis', 'good', 'attention', 'warning', 'accent']);
const horizontalAlignment = z.enum(['left', 'center', 'right']);
const verticalContentAlignment = z.enum(['top', 'center', 'bottom']);
const requires = z.record(z.string(), z.string());
/** `format: uri-reference`, as far as it matters here: something URL-shaped, no spaces. */
const uriReference = z.string().regex(/^\S+$/);

/** Extendable.Element (with Extendable.ToggleableItem), minus `fallback` which is added per type. */
const elementBase = {
  height: blockHeight.optional(),
  separator: z.boolean().optional(),
  spacing: spacing.optional(),
  id: z.string().optional(),
  isVisible: z.boolean().optional(),
  requires: requires.optional(),
};

/** Extendable.Input: `id` is required. */
const inputBase = {
  ...elementBase,
  id: z.string(),
  errorMessage: z.string().optional(),
  isRequired: z.boolean().optional(),
  label: z.string().optional(),
};

export type Json = unknown;

const element: z.ZodType<Json> = z.lazy(() =>
  z.discriminatedUnion('type', [textBlock, factSet, container, actionSet, inputText, inputChoiceSet]),
);
const action: z.ZodType<Json> = z.lazy(() =>
  z.discriminatedUnion('type', [actionExecute, actionOpenUrl, actionShowCard]),
);
const elementFallback = z.union([element, z.literal('drop')]).optional();
const actionFallback = z.union([action, z.literal('drop')]).optional();

const textBlock = z.strictObject({
  type: z.literal('TextBlock'),
  text: z.string(),
  color: colors.nullable().optional(),
  fontType: z.enum(['default', 'monospace']).nullable().optional(),
  horizontalAlignment: horizontalAlignment.nullable().optional(),
  isSubtle: z.boolean().nullable().optional(),
  maxLines: z.number().optional(),
  size: z.enum(['default', 'small', 'medium', 'large', 'extraLarge']).nullable().optional(),
  weight: z.enum(['default', 'lighter', 'bolder']).nullable().optional(),
  wrap: z.boolean().optional(),
  style: z.enum(['default', 'heading']).nullable().optional(),
  fallback: elementFallback,
  ...elementBase,
});

const fact = z.strictObject({ type: z.literal('Fact').optional(), title: z.string(), value: z.string() });

const factSet = z.strictObject({
  type: z.literal('FactSet'),
  facts: z.array(fact),
  fallback: elementFallback,
  ...elementBase,
});

const container = z.strictObject({
  type: z.literal('Container'),
  items: z.array(element),
  style: containerStyle.nullable().optional(),
  verticalContentAlignment: verticalContentAlignment.nullable().optional(),
  bleed: z.boolean().optional(),
  minHeight: z.string().optional(),
  fallback: elementFallback,
  ...elementBase,
});

const actionSet = z.strictObject({
  type: z.literal('ActionSet'),
  actions: z.array(action),
  fallback: elementFallback,
  ...elementBase,
});

const inputText = z.strictObject({
  type: z.literal('Input.Text'),
  isMultiline: z.boolean().optional(),
  maxLength: z.number().optional(),
  placeholder: z.string().optional(),
  regex: z.string().optional(),
  style: z.enum(['text', 'tel', 'url', 'email', 'password']).optional(),
  value: z.string().optional(),
  fallback: elementFallback,
  ...inputBase,
});

const inputChoice = z.strictObject({
  type: z.literal('Input.Choice').optional(),
  title: z.string(),
  value: z.string(),
});

const inputChoiceSet = z.strictObject({
  type: z.literal('Input.ChoiceSet'),
  choices: z.array(inputChoice).optional(),
  isMultiSelect: z.boolean().optional(),
  style: z.enum(['compact', 'expanded', 'filtered']).optional(),
  value: z.string().optional(),
  placeholder: z.string().optional(),
  wrap: z.boolean().optional(),
  fallback: elementFallback,
  ...inputBase,
});

/** Extendable.Action. */
const actionBase = {
  title: z.string().optional(),
  iconUrl: uriReference.optional(),
  id: z.string().optional(),
  style: z.enum(['default', 'positive', 'destructive']).optional(),
  fallback: actionFallback,
  tooltip: z.string().optional(),
  isEnabled: z.boolean().optional(),
  mode: z.enum(['primary', 'secondary']).optional(),
  requires: requires.optional(),
};

const actionExecute = z.strictObject({
  type: z.literal('Action.Execute'),
  verb: z.string().optional(),
  data: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  associatedInputs: z.enum(['auto', 'none']).optional(),
  ...actionBase,
});

const actionOpenUrl = z.strictObject({
  type: z.literal('Action.OpenUrl'),
  url: uriReference,
  ...actionBase,
});

/** AdaptiveCard's own properties (those we accept: not authentication, selectAction, backgroundImage). */
const cardProperties = {
  type: z.literal('AdaptiveCard'),
  version: z.string().optional(),
  refresh: z
    .strictObject({
      type: z.literal('Refresh').optional(),
      action: actionExecute.optional(),
      userIds: z.array(z.string()).optional(),
    })
    .optional(),
  body: z.array(element).optional(),
  actions: z.array(action).optional(),
  fallbackText: z.string().optional(),
  minHeight: z.string().optional(),
  rtl: z.boolean().nullable().optional(),
  speak: z.string().optional(),
  lang: z.string().optional(),
  verticalContentAlignment: verticalContentAlignment.optional(),
  $schema: z.url().optional(),
};

const actionShowCard = z.strictObject({
  type: z.literal('Action.ShowCard'),
  card: z.lazy(() => z.strictObject(cardProperties)),
  ...actionBase,
});

/** A top-level card: the schema leaves `version` optional, but a top-level card must have it. */
export const adaptiveCard15 = z.strictObject({ ...cardProperties, version: z.literal('1.5') });

export interface SchemaCheck {
  readonly ok: boolean;
  readonly problems: readonly string[];
}

/** Schema check plus what Teams and the renderers assume beyond it: input ids are unique in a card. */
export function checkCard(json: unknown): SchemaCheck {
  const parsed = adaptiveCard15.safeParse(json);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const ids = collectInputIds(json);
  const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (duplicates.length > 0) problems.push(`duplicate input ids: ${duplicates.join(', ')}`);
  return { ok: problems.length === 0, problems };
}

function collectInputIds(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(collectInputIds);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own =
    typeof record.type === 'string' && record.type.startsWith('Input.') && typeof record.id === 'string'
      ? [record.id]
      : [];
  return [...own, ...Object.values(record).flatMap(collectInputIds)];
}
