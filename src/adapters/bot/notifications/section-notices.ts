/** Notices about sections: an owner is assigned one, asked for changes, or has submitted it for review. */
import {
  changesRequestedViewFromPlan,
  sectionAssignmentViewFromPlan,
} from '../../../cards/plan-view-models.js';
import { changesRequestedCard, sectionAssignmentCard } from '../../../cards/section-cards.js';
import type { DomainEvent } from '../../../domain/plan/events.js';
import { findSection } from '../../../domain/plan/plan.js';
import { digest, json, message, toUser, type EventNotice } from './message.js';
import { messageText, ownLink } from './message-text.js';

type Event<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

export const sectionAssigned: EventNotice<Event<'SectionAssigned'>> = (event, context) => {
  const { plan } = context;
  const view = sectionAssignmentViewFromPlan(plan, event.sectionKey, {
    sectionUrl: context.links.section(plan.id, event.sectionKey),
    assignedByName: context.nameOf(plan.leadId),
  });
  if (!view) return [];
  return [
    message(
      context,
      `assigned/${plan.id}/${event.sectionKey}/${event.ownerId}/${event.dueDate ?? 'no-date'}`,
      toUser(event.ownerId),
      `You have a section to write: ${view.sectionTitle}`,
      json(sectionAssignmentCard(view)),
    ),
  ];
};

export const sectionChangesRequested: EventNotice<Event<'SectionChangesRequested'>> = (event, context) => {
  const { plan } = context;
  const section = findSection(plan, event.sectionKey);
  const view = changesRequestedViewFromPlan(plan, event.sectionKey, {
    sectionUrl: context.links.section(plan.id, event.sectionKey),
    nameOf: context.nameOf,
  });
  if (!section || !view || event.ownerId === null) return [];
  return [
    message(
      context,
      `changes/${plan.id}/${event.sectionKey}/${section.revision}/${digest(event.comment)}`,
      toUser(event.ownerId),
      `Changes requested: ${view.sectionTitle}`,
      json(changesRequestedCard(view)),
    ),
  ];
};

/** The plan lead hears when someone else submits a section for review. */
export const sectionSubmitted: EventNotice<Event<'SectionSubmitted'>> = (event, context) => {
  const { plan } = context;
  const section = findSection(plan, event.sectionKey);
  if (!section || event.by === plan.leadId) return [];
  return [
    message(
      context,
      `submitted/${plan.id}/${event.sectionKey}/${section.revision}`,
      toUser(plan.leadId),
      messageText`${context.nameOf(event.by)} submitted "${section.definition.title}" for review: ${ownLink(context.links.section(plan.id, event.sectionKey))}`,
      null,
    ),
  ];
};
