/** Reading cards back in tests: all text shown, all buttons, all links. */
import type { AdaptiveCard, CardAction, CardElement } from '../../../../src/cards/elements.js';

type Node = AdaptiveCard | CardElement | CardAction;

function children(node: Node): Node[] {
  switch (node.type) {
    case 'AdaptiveCard':
      return [...node.body, ...(node.actions ?? [])];
    case 'Container':
      return [...node.items];
    case 'ActionSet':
      return [...node.actions];
    case 'Action.ShowCard':
      return [...node.card.body, ...(node.card.actions ?? [])];
    default:
      return [];
  }
}

export function walk(card: AdaptiveCard): Node[] {
  const all: Node[] = [];
  const visit = (node: Node): void => {
    all.push(node);
    children(node).forEach(visit);
  };
  visit(card);
  return all;
}

/** Every markdown-rendered string on the card: TextBlocks and facts. */
export function renderedTexts(card: AdaptiveCard): string[] {
  return walk(card).flatMap((node) =>
    node.type === 'TextBlock'
      ? [node.text]
      : node.type === 'FactSet'
        ? node.facts.flatMap((f) => [f.title, f.value])
        : [],
  );
}

export function actionsOf(card: AdaptiveCard): CardAction[] {
  return walk(card).filter((node): node is CardAction => node.type.startsWith('Action.'));
}

export const titles = (card: AdaptiveCard): string[] => actionsOf(card).map((action) => action.title);

export const urls = (card: AdaptiveCard): string[] =>
  actionsOf(card).flatMap((action) => (action.type === 'Action.OpenUrl' ? [action.url] : []));
