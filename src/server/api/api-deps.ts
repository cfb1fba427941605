/** What the tab's HTTP API is given by the composition root: the use cases' ports and the edge's services. */
import type { KpiDeps } from '../../app/kpis/kit.js';
import type { ProgressPublishDeps } from '../../app/progress/progress-updates.js';
import type { PublishDeps } from '../../app/publication/publish-plan.js';
import type { OverviewDeps } from '../../app/plans/read-plan.js';
import type { CommandDeps } from '../../app/plans/run-command.js';
import type { Clock, IdGenerator } from '../../ports/clock.js';
import type { ConversationStore } from '../../ports/conversations.js';
import type { Directory, Person } from '../../ports/directory.js';
import type { EventSink } from '../../ports/event-sink.js';
import type { Outbox } from '../../ports/outbox.js';
import type { PlanStore } from '../../ports/plan-store.js';
import type { RateLimiter } from '../../ports/rate-limit.js';
import type { TemplateCatalog } from '../../ports/template-catalog.js';
import type { Authenticator } from '../identity/authenticate.js';
import type { DocumentLink } from './document-links.js';
import type { PeopleCache } from './people-cache.js';

export interface ApiDeps extends Omit<OverviewDeps, 'store' | 'clock'> {
  readonly store: PlanStore;
  readonly catalog: TemplateCatalog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly events: EventSink;
  readonly commands: CommandDeps;
  readonly kpis: KpiDeps;
  readonly progress: ProgressPublishDeps;
  readonly publishing: PublishDeps;
  /** The notification outbox: who could not be reached. */
  readonly outbox: Outbox;
  /** The bot's conversations: whether someone it could not reach has been seen again since. */
  readonly conversations: ConversationStore;
  readonly directory: Directory;
  readonly authenticator: Authenticator;
  /** Names for ids, shared with the authenticator so a person is looked up once. */
  readonly people: PeopleCache;
  /** Local mode: the people the "acting as" picker offers. */
  readonly actingAs: readonly Person[] | null;
  /** Local mode: the Agents Playground page acting as each person, by id, where one runs. */
  readonly playgrounds?: Readonly<Record<string, string>>;
  /** The section editor saves at most once per this many seconds (from config; default 10). */
  readonly autosaveSeconds?: number;
  /** Per person: how much one person may ask in a short time. */
  readonly limiter: RateLimiter;
  /** Where the tab opens a stored document or page (SharePoint's link, or local mode's own). */
  readonly documentLink: DocumentLink;
}
