/** Notices about sections: an owner is assigned one, asked for changes, or has submitted it for review. */
import {
  changesRequestedViewFromPlan,
  sectionAssignmentViewFromPlan,
} from '../../../cards/plan-view-models.js';
import { changesRequestedCard, sectionAssignmentCard } from '../../../cards/section-cards.js';
import type { DomainEvent } from '../../../domain/plan/events.js';
import { findSection } from '../../../domain/plan/plan.js';
import { authorsOf } from '../../../domain/sections/contribution.js';
import { digest, json, message, toUser, type EventNotice } from './message.js';
import { messageText, ownLink } from './message-text.js';

type Event<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

/** The owner gets the assignment card; for joint authors, each of them does. */
export const sectionAssigned: EventNotice<Event<'SectionAssigned'>> = (event, context) => {
  const { plan } = context;
  const section = findSection(plan, event.sectionKey);
  const view = sectionAssignmentViewFromPlan(plan, event.sectionKey, {
    sectionUrl: context.links.section(plan.id, event.sectionKey),
    assignedByName: context.nameOf(plan.leadId),
    nameOf: context.nameOf,
  });
  if (!view || !section) return [];
  const recipients = section.jointAuthors ? authorsOf(section) : [event.ownerId];
  return recipients.map((personId) =>
    message(
      context,
      `assigned/${plan.id}/${event.sectionKey}/${personId}/${event.dueDate ?? 'no-date'}`,
      toUser(personId),
      section.outsideParty
        ? messageText`You have a section to chase and enter: ${view.sectionTitle}, from ${section.outsideParty.organisation}`
        : `You have a section to write: ${view.sectionTitle}`,
      json(sectionAssignmentCard(view)),
    ),
  );
};

/** A joint author agreed: the others still to agree get the card again, saying who is waited for. */
export const authorAgreed: EventNotice<Event<'AuthorAgreed'>> = (event, context) => {
  const { plan } = context;
  const section = findSection(plan, event.sectionKey);
  const view = sectionAssignmentViewFromPlan(plan, event.sectionKey, {
    sectionUrl: context.links.section(plan.id, event.sectionKey),
    assignedByName: context.nameOf(plan.leadId),
    nameOf: context.nameOf,
  });
  if (!section || !view) return [];
  return event.outstanding.map((personId) =>
    message(
      context,
      `agreed/${plan.id}/${event.sectionKey}/${section.revision}/${event.authorId}/${personId}`,
      toUser(personId),
      messageText`${context.nameOf(event.authorId)} agreed to "${view.sectionTitle}"; it is submitted when you agree too`,
      json(sectionAssignmentCard(view)),
    ),
  );
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
