/** How section notices read: the assignment card, a joint author's agreement, changes asked, a submission. */
import {
  changesRequestedViewFromPlan,
  sectionAssignmentViewFromPlan,
} from '../../../cards/plan-view-models.js';
import { changesRequestedCard, sectionAssignmentCard } from '../../../cards/section-cards.js';
import { findSection } from '../../../domain/plan/plan.js';
import { json, type NoticeContext, type Wording } from './message.js';
import { messageText, ownLink } from './message-text.js';

const assignmentView = (context: NoticeContext, sectionKey: string) =>
  sectionAssignmentViewFromPlan(context.plan, sectionKey, {
    sectionUrl: context.links.section(context.plan.id, sectionKey),
    assignedByName: context.nameOf(context.plan.leadId),
    nameOf: context.nameOf,
  });

export const sectionAssigned: Wording<'section-assigned'> = (subject, context) => {
  const section = findSection(context.plan, subject.sectionKey);
  const view = assignmentView(context, subject.sectionKey);
  if (!view || !section) return null;
  return {
    text: section.outsideParty
      ? messageText`You have a section to chase and enter: ${view.sectionTitle}, from ${section.outsideParty.organisation}`
      : `You have a section to write: ${view.sectionTitle}`,
    card: json(sectionAssignmentCard(view)),
  };
};

export const authorAgreed: Wording<'author-agreed'> = (subject, context) => {
  const view = assignmentView(context, subject.sectionKey);
  if (!view) return null;
  return {
    text: messageText`${context.nameOf(subject.authorId)} agreed to "${view.sectionTitle}"; it is submitted when you agree too`,
    card: json(sectionAssignmentCard(view)),
  };
};

export const sectionChangesRequested: Wording<'section-changes-requested'> = (subject, context) => {
  const view = changesRequestedViewFromPlan(context.plan, subject.sectionKey, {
    sectionUrl: context.links.section(context.plan.id, subject.sectionKey),
    nameOf: context.nameOf,
  });
  if (!view) return null;
  return { text: `Changes requested: ${view.sectionTitle}`, card: json(changesRequestedCard(view)) };
};

export const sectionSubmitted: Wording<'section-submitted'> = (subject, context) => {
  const { plan } = context;
  const section = findSection(plan, subject.sectionKey);
  if (!section) return null;
  return {
    text: messageText`${context.nameOf(subject.by)} submitted "${section.definition.title}" for review: ${ownLink(context.links.section(plan.id, subject.sectionKey))}`,
    card: null,
  };
};
