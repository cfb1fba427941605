/**
 * The bot's wording of notices (who is told what, under which key, is chosen in src/app/notifications):
 * each family is worded in notifications/; this class gives them names, links and the approval card, and
 * draws the live approval card when the outbox sends it.
 */
import { approvalCard } from '../../cards/approval-card.js';
import type { NameOf } from '../../cards/plan-view-models.js';
import type { PersonId, Plan } from '../../domain/plan/plan.js';
import { findStage } from '../../domain/plan/plan.js';
import type { LiveCardRenderer, OutgoingActivity } from '../../ports/messaging.js';
import type { Notice, NoticeRenderer } from '../../ports/notices.js';
import type { LiveCard, OutgoingMessage } from '../../ports/outbox.js';
import type { PlanStore } from '../../ports/plan-store.js';
import { approvalViewFor, namesFor } from './card-context.js';
import type { TabLinks } from './links.js';
import { json, messageOf, type NoticeContext } from './notifications/message.js';
import { wordNotice } from './notifications/word-notice.js';
import type { PeopleNames } from './people-names.js';

export class CardComposer implements NoticeRenderer, LiveCardRenderer {
  constructor(
    private readonly names: PeopleNames,
    private readonly links: TabLinks,
    private readonly plans: PlanStore,
  ) {}

  /** The approval card for one viewer (null: the everyone view for a chat). */
  approvalActivity(
    plan: Plan,
    stageKey: string,
    viewerId: PersonId | null,
    nameOf: NameOf,
    notice: { tone: 'info' | 'good' | 'warning'; text: string } | null = null,
  ): OutgoingActivity | null {
    const stage = findStage(plan, stageKey);
    if (!stage) return null;
    const view = approvalViewFor(plan, stage, { nameOf, links: this.links, viewerId, notice });
    if (!view) return null;
    return {
      text: `${stage.title}: ${plan.title}, version ${view.version}`,
      card: json(approvalCard(view)),
    };
  }

  async render(planId: string, live: LiveCard): Promise<OutgoingActivity | null> {
    // Fresh, not a copy: an instance whose copy is a few seconds old would find the stage not open yet.
    const loaded = await this.plans.refresh(planId);
    if (!loaded.ok) return null;
    const plan = loaded.value.plan;
    const stage = findStage(plan, live.stageKey);
    if (!stage) return null;
    const nameOf = await namesFor(plan, this.names);
    if (stage.round !== live.round) {
      const notice = {
        tone: 'warning' as const,
        text: `This round has been replaced by round ${stage.round}.`,
      };
      return this.approvalActivity(
        plan,
        live.stageKey,
        null,
        nameOf,
        stage.state === 'waiting' ? notice : null,
      );
    }
    return this.approvalActivity(plan, live.stageKey, null, nameOf);
  }

  async word(plan: Plan, notices: readonly Notice[], now: string): Promise<readonly OutgoingMessage[]> {
    const context = await this.contextFor(plan, now);
    return notices.flatMap((notice) => {
      const worded = wordNotice(notice, context);
      return worded ? [messageOf(context, notice, worded)] : [];
    });
  }

  private async contextFor(plan: Plan, now: string): Promise<NoticeContext> {
    const nameOf = await namesFor(plan, this.names);
    return {
      plan,
      nameOf,
      links: this.links,
      now,
      approvalActivity: (stageKey, viewerId) => this.approvalActivity(plan, stageKey, viewerId, nameOf),
    };
  }
}
