/** Adaptive Cards for the bot: pure functions from view models to card JSON (schema 1.5). */
export * from './approval-card.js';
export * from './elements.js';
export * from './escape.js';
export * from './card-text.js';
export * from './outcome-card.js';
export * from './plan-view-models.js';
export * from './section-cards.js';
export * from './status-cards.js';
export * from './verbs.js';
