/**
 * Parses a card with the `adaptivecards` library (the renderer Teams' web client is built on) and reports
 * every warning or error it raises: while parsing, and when validating the parsed card. Parsing needs no
 * DOM; only rendering does.
 */
import { AdaptiveCard, SerializationContext, Versions } from 'adaptivecards';

export interface LibraryCheck {
  readonly messages: readonly string[];
  /** The card as the library writes it back, to see that nothing was dropped or changed on the way. */
  readonly roundTrip: unknown;
}

export function parseWithLibrary(json: unknown): LibraryCheck {
  const card = new AdaptiveCard();
  const context = new SerializationContext(Versions.v1_5);
  card.parse(json, context);
  const messages: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) messages.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) messages.push(`validate: ${event.message}`);
  return { messages, roundTrip: normaliseEnums(card.toJSON(new SerializationContext(Versions.v1_5))) };
}

/** The library writes enumerations capitalised (`Bolder`); the schema accepts either, ours are lower case. */
const ENUM_KEYS = new Set([
  'size',
  'weight',
  'color',
  'style',
  'spacing',
  'associatedInputs',
  'height',
  'mode',
]);

export function normaliseEnums(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normaliseEnums);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      ENUM_KEYS.has(key) && typeof value === 'string' ? value.toLowerCase() : normaliseEnums(value),
    ]),
  );
}
