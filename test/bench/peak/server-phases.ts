/**
 * The server parts a click goes through, timed by the bench's phase profile: the bot's request handling,
 * the plan store (copy, fresh read, save), the cache's delta rounds and full reads, the outbox, events and
 * the directory. Wrapped on the composed app's own objects, so the server runs exactly as it does.
 */
import { CachedPlanStore } from '../../../src/adapters/sharepoint/plan-cache.js';
import type { App } from '../../../src/server/composition.js';
import type { PhaseProfile } from './phase-profile.js';

export function profileServer(profile: PhaseProfile, app: App): void {
  profile.wrap(app.bot, 'handle', 'bot: whole request');
  profile.wrap(app.store, 'load', 'store.load (copy)');
  profile.wrap(app.store, 'refresh', 'store.refresh (fresh)');
  profile.wrap(app.store, 'recent', 'store.recent (a moment ago)');
  profile.wrap(app.store, 'save', 'store.save');
  if (app.store instanceof CachedPlanStore) {
    const mirror = app.store.mirror as unknown as Record<string, unknown>;
    profile.wrap(mirror, 'startRound', 'mirror: delta round started');
    profile.wrap(mirror, 'runRound', 'mirror: delta round (Graph)');
    profile.wrap(mirror, 'fill', 'mirror: full read of a plan');
  }
  profile.wrap(app.events, 'publish', 'events.publish (compose + enqueue)');
  profile.wrap(app.outbox, 'enqueue', 'outbox.enqueue');
  profile.wrap(app.directory, 'person', 'directory.person');
}
