/**
 * What each event and reminder means for people, as addressed cards under idempotency keys. The keys
 * name what a message is about (plan, section or stage, round, person, revision), so the same event seen
 * twice — a retried request, a reconcile on two instances — enqueues one message.
 */
import { createHash } from 'node:crypto';
import { approvalCard } from '../../cards/approval-card.js';
import { outcomeCard } from '../../cards/outcome-card.js';
import {
  approvalViewFromPlan,
  changesRequestedViewFromPlan,
  daysOverdue,
  sectionAssignmentViewFromPlan,
  sectionRefFromPlan,
  type NameOf,
} from '../../cards/plan-view-models.js';
import type { AdaptiveCard } from '../../cards/elements.js';
import {
  changesRequestedCard,
  escalationCard,
  reminderCard,
  sectionAssignmentCard,
} from '../../cards/section-cards.js';
import { tally } from '../../domain/approval-rule.js';
import type { DomainEvent } from '../../domain/events.js';
import type { PersonId, Plan } from '../../domain/plan.js';
import { findSection, findStage } from '../../domain/plan.js';
import type { Escalation, SectionReminder } from '../../domain/reminders.js';
import type { LiveCardRenderer, OutgoingActivity } from '../../ports/messaging.js';
import type { NotificationComposer } from '../../ports/notifications.js';
import type { LiveCard, OutgoingMessage, Recipient } from '../../ports/outbox.js';
import type { PlanStore } from '../../ports/plan-store.js';
import { teamsUserMri, type TabLinks } from './links.js';
import type { PeopleNames } from './people-names.js';
import { changesSinceLastRound, deputyCandidates, namesFor } from './card-context.js';

const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);
const toUser = (userId: PersonId): Recipient => ({ kind: 'user', userId });

export class CardComposer implements NotificationComposer, LiveCardRenderer {
  constructor(
    private readonly names: PeopleNames,
    private readonly links: TabLinks,
    private readonly plans: PlanStore,
  ) {}

  private message(
    plan: Plan,
    key: string,
    recipient: Recipient,
    text: string,
    card: Record<string, unknown> | null,
    now: string,
    extra: Partial<OutgoingMessage> = {},
  ): OutgoingMessage {
    return {
      key,
      planId: plan.id,
      recipient,
      text,
      card,
      replacesKey: null,
      notBefore: now,
      live: null,
      ...extra,
    };
  }

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
    const view = approvalViewFromPlan(plan, stageKey, {
      nameOf,
      documentUrl: this.links.version(plan.id, stage.boundVersion ?? plan.contentVersion),
      changes: changesSinceLastRound(plan, stage),
      viewerId,
      deputyCandidates: deputyCandidates(plan, stage),
      refreshIdOf: teamsUserMri,
      notice,
    });
    if (!view) return null;
    return {
      text: `${stage.title}: ${plan.title}, version ${view.version}`,
      card: json(approvalCard(view)),
    };
  }

  async render(planId: string, live: LiveCard): Promise<OutgoingActivity | null> {
    const loaded = await this.plans.load(planId);
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

  async forEvents(
    plan: Plan,
    events: readonly DomainEvent[],
    now: string,
  ): Promise<readonly OutgoingMessage[]> {
    const nameOf = await namesFor(plan, this.names);
    const out: OutgoingMessage[] = [];
    for (const event of events) out.push(...this.forEvent(plan, event, nameOf, now));
    return out;
  }

  private chatCardKey(plan: Plan, stageKey: string, round: number): string {
    return `approval/${plan.id}/${stageKey}/${round}/chat`;
  }

  /** Endorsements go to the management team's chat when the plan lead chose one; otherwise 1:1. */
  private inChat(plan: Plan, stageKey: string): boolean {
    return plan.managementTeamChat !== null && findStage(plan, stageKey)?.kind === 'endorsement';
  }

  private forEvent(plan: Plan, event: DomainEvent, nameOf: NameOf, now: string): OutgoingMessage[] {
    switch (event.type) {
      case 'SectionAssigned': {
        const view = sectionAssignmentViewFromPlan(plan, event.sectionKey, {
          sectionUrl: this.links.section(plan.id, event.sectionKey),
          assignedByName: nameOf(plan.leadId),
        });
        if (!view) return [];
        return [
          this.message(
            plan,
            `assigned/${plan.id}/${event.sectionKey}/${event.ownerId}/${event.dueDate ?? 'no-date'}`,
            toUser(event.ownerId),
            `You have a section to write: ${view.sectionTitle}`,
            json(sectionAssignmentCard(view)),
            now,
          ),
        ];
      }
      case 'SectionChangesRequested': {
        const section = findSection(plan, event.sectionKey);
        const view = changesRequestedViewFromPlan(plan, event.sectionKey, {
          sectionUrl: this.links.section(plan.id, event.sectionKey),
          nameOf,
        });
        if (!section || !view || event.ownerId === null) return [];
        return [
          this.message(
            plan,
            `changes/${plan.id}/${event.sectionKey}/${section.revision}/${digest(event.comment)}`,
            toUser(event.ownerId),
            `Changes requested: ${view.sectionTitle}`,
            json(changesRequestedCard(view)),
            now,
          ),
        ];
      }
      case 'SectionSubmitted': {
        const section = findSection(plan, event.sectionKey);
        if (!section || event.by === plan.leadId) return [];
        return [
          this.message(
            plan,
            `submitted/${plan.id}/${event.sectionKey}/${section.revision}`,
            toUser(plan.leadId),
            `${nameOf(event.by)} submitted "${section.definition.title}" for review: ${this.links.section(plan.id, event.sectionKey)}`,
            null,
            now,
          ),
        ];
      }
      case 'StageOpened': {
        const stage = findStage(plan, event.stageKey);
        if (!stage) return [];
        if (stage.kind === 'decision') {
          return [
            this.message(
              plan,
              `decision-due/${plan.id}/${stage.key}/${event.round}`,
              toUser(plan.leadId),
              `Every approval for "${plan.title}" is in. When ${plan.dates.decisionMeeting?.body ?? 'the meeting'} has decided, record the decision in Plan Builder: ${this.links.plan(plan.id)}`,
              null,
              now,
            ),
          ];
        }
        if (this.inChat(plan, stage.key)) {
          const activity = this.approvalActivity(plan, stage.key, null, nameOf);
          if (!activity) return [];
          return [
            this.message(
              plan,
              this.chatCardKey(plan, stage.key, event.round),
              { kind: 'conversation', conversationKey: plan.managementTeamChat! },
              activity.text,
              null,
              now,
              {
                live: { kind: 'approval', stageKey: stage.key, round: event.round },
              },
            ),
          ];
        }
        return event.approverIds.flatMap((approverId) => {
          const activity = this.approvalActivity(plan, stage.key, approverId, nameOf);
          return activity
            ? [
                this.message(
                  plan,
                  `approval/${plan.id}/${stage.key}/${event.round}/${approverId}`,
                  toUser(approverId),
                  activity.text,
                  activity.card as Record<string, unknown>,
                  now,
                ),
              ]
            : [];
        });
      }
      case 'ResponseRecorded': {
        if (!this.inChat(plan, event.stageKey)) return [];
        const stage = findStage(plan, event.stageKey);
        const answered = stage ? stage.responses.filter((r) => r.round === event.round).length : 0;
        // Rendered when sent, from the stored plan: whichever update goes last shows the latest tally.
        return [
          this.message(
            plan,
            `${this.chatCardKey(plan, event.stageKey, event.round)}/after/${String(answered).padStart(3, '0')}`,
            { kind: 'conversation', conversationKey: plan.managementTeamChat! },
            'The approval card has been updated.',
            null,
            now,
            {
              replacesKey: this.chatCardKey(plan, event.stageKey, event.round),
              live: { kind: 'approval', stageKey: event.stageKey, round: event.round },
            },
          ),
        ];
      }
      case 'StageApproved':
      case 'StageChangesRequested': {
        const stage = findStage(plan, event.stageKey);
        if (!stage) return [];
        const view = approvalViewFromPlan(plan, stage.key, {
          nameOf,
          documentUrl: this.links.version(plan.id, stage.boundVersion ?? plan.contentVersion),
          changes: null,
          viewerId: null,
        });
        if (!view) return [];
        const next = plan.stages.find((s) => s.state === 'open');
        const outcome = json(
          outcomeCard({
            kind: 'stage-closed',
            outcome: event.type === 'StageApproved' ? 'approved' : 'changes-requested',
            planTitle: plan.title,
            stageTitle: stage.title,
            stageKind: stage.kind,
            version: view.version,
            versionHash: view.versionHash,
            tally: view.tally,
            documentUrl: view.documentUrl,
            nextStep:
              event.type === 'StageApproved'
                ? next
                  ? `Next: ${next.title}.`
                  : 'Every stage is complete.'
                : 'The plan lead will revise the plan and start a new round.',
          }),
        );
        const messages = [
          this.message(
            plan,
            `outcome/${plan.id}/${stage.key}/${event.round}`,
            toUser(plan.leadId),
            `${stage.title}: ${event.type === 'StageApproved' ? 'approved' : 'changes requested'} (${tally(stage).approved.length} approved)`,
            outcome,
            now,
          ),
        ];
        if (this.inChat(plan, stage.key)) {
          messages.push(
            this.message(
              plan,
              `${this.chatCardKey(plan, stage.key, event.round)}/closed`,
              { kind: 'conversation', conversationKey: plan.managementTeamChat! },
              `${stage.title} is closed.`,
              null,
              now,
              {
                replacesKey: this.chatCardKey(plan, stage.key, event.round),
                live: { kind: 'approval', stageKey: stage.key, round: event.round },
              },
            ),
          );
        }
        return messages;
      }
      case 'DelegationChanged': {
        const stage = findStage(plan, event.stageKey);
        if (!stage || event.deputyId === null || stage.state !== 'open') return [];
        const activity = this.approvalActivity(plan, stage.key, event.deputyId, nameOf);
        if (!activity) return [];
        return [
          this.message(
            plan,
            `delegated/${plan.id}/${stage.key}/${stage.round}/${event.approverId}/${event.deputyId}`,
            toUser(event.deputyId),
            `${nameOf(event.approverId)} named you deputy for ${stage.title}`,
            activity.card as Record<string, unknown>,
            now,
          ),
        ];
      }
      case 'DecisionRecorded': {
        const decision = plan.decision;
        if (!decision) return [];
        const card = json(
          outcomeCard({
            kind: 'decision-recorded',
            planTitle: plan.title,
            meetingBody: decision.meetingBody,
            meetingDate: decision.meetingDate,
            minuteReference: decision.minuteReference,
            outcome: decision.outcome,
            callInEndsOn: decision.callInEndsOn,
            version: plan.contentVersion,
            versionHash: decision.hash,
            documentUrl: this.links.version(plan.id, plan.contentVersion),
          }),
        );
        const recipients: Recipient[] = plan.managementTeamChat
          ? [{ kind: 'conversation', conversationKey: plan.managementTeamChat }]
          : [];
        const portfolio = plan.roles['portfolio-holder']?.[0];
        if (portfolio) recipients.push(toUser(portfolio));
        return recipients.map((recipient) =>
          this.message(
            plan,
            `decision/${plan.id}/${event.stageKey}/${decision.hash.slice(0, 12)}/${recipient.kind === 'user' ? recipient.userId : recipient.conversationKey}`,
            recipient,
            `${decision.meetingBody} decided: ${decision.outcome}`,
            card,
            now,
          ),
        );
      }
      case 'ApprovalsReopened':
        return [
          this.message(
            plan,
            `reopened/${plan.id}/${event.hash.slice(0, 16)}`,
            toUser(plan.leadId),
            `"${plan.title}" changed after approvals were given (${event.stageKeys.join(', ')}). Start a new round when the plan is ready.`,
            null,
            now,
          ),
        ];
      default:
        return [];
    }
  }

  async forReminders(
    plan: Plan,
    reminders: readonly SectionReminder[],
    escalation: Escalation | null,
    now: string,
  ): Promise<readonly OutgoingMessage[]> {
    const nameOf = await namesFor(plan, this.names);
    const today = now.slice(0, 10);
    const out: OutgoingMessage[] = [];
    for (const reminder of reminders) {
      const ref = sectionRefFromPlan(
        plan,
        reminder.sectionKey,
        this.links.section(plan.id, reminder.sectionKey),
      );
      if (!ref) continue;
      const overdue = daysOverdue(reminder.dueDate, today);
      const timing =
        reminder.kind === 'due-today'
          ? ({ kind: 'due-today' } as const)
          : reminder.kind === 'overdue'
            ? ({ kind: 'overdue', daysOverdue: overdue ?? 1 } as const)
            : ({
                kind: 'upcoming',
                daysLeft: Math.max(1, dayCount(today, reminder.dueDate)),
              } as const);
      const card = json(reminderCard({ ...ref, dueDate: reminder.dueDate, timing }));
      out.push(
        this.message(
          plan,
          reminder.key,
          toUser(reminder.ownerId),
          `Reminder: ${ref.sectionTitle} is due ${reminder.dueDate}`,
          card,
          now,
        ),
      );
    }
    if (escalation) {
      const card = json(
        escalationCard({
          planTitle: plan.title,
          planUrl: this.links.plan(plan.id),
          overdue: escalation.overdue.map((o) => ({
            sectionTitle: findSection(plan, o.sectionKey)?.definition.title ?? o.sectionKey,
            ownerName: nameOf(o.ownerId),
            dueDate: o.dueDate,
            daysOverdue: daysOverdue(o.dueDate, today) ?? 0,
          })),
        }),
      );
      out.push(
        this.message(
          plan,
          escalation.key,
          toUser(escalation.leadId),
          `${escalation.overdue.length} section(s) of "${plan.title}" are overdue`,
          card,
          now,
        ),
      );
    }
    return out;
  }
}

const dayCount = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Cards are typed JSON; the outbox stores them as plain JSON objects. */
const json = (card: AdaptiveCard): Record<string, unknown> => card as unknown as Record<string, unknown>;
