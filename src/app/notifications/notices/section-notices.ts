/** Who hears about sections: an owner is assigned one, asked for changes, or has submitted it for review. */
import { findSection } from '../../../domain/plan/plan.js';
import { authorsOf } from '../../../domain/sections/contribution.js';
import { noticeKeys } from './keys.js';
import { notice, toUser, type Event, type EventNotices } from './notice.js';

/** The owner gets the assignment card; for joint authors, each of them does. */
export const sectionAssigned: EventNotices<Event<'SectionAssigned'>> = (event, plan) => {
  const section = findSection(plan, event.sectionKey);
  if (!section) return [];
  const recipients = section.jointAuthors ? authorsOf(section) : [event.ownerId];
  return recipients.map((personId) =>
    notice(noticeKeys.assigned(plan.id, event.sectionKey, personId, event.dueDate), toUser(personId), {
      kind: 'section-assigned',
      sectionKey: event.sectionKey,
    }),
  );
};

/** A joint author agreed: the others still to agree get the card again, saying who is waited for. */
export const authorAgreed: EventNotices<Event<'AuthorAgreed'>> = (event, plan) => {
  const section = findSection(plan, event.sectionKey);
  if (!section) return [];
  return event.outstanding.map((personId) =>
    notice(
      noticeKeys.agreed(plan.id, event.sectionKey, section.revision, event.authorId, personId),
      toUser(personId),
      { kind: 'author-agreed', sectionKey: event.sectionKey, authorId: event.authorId },
    ),
  );
};

export const sectionChangesRequested: EventNotices<Event<'SectionChangesRequested'>> = (event, plan) => {
  const section = findSection(plan, event.sectionKey);
  if (!section || event.ownerId === null) return [];
  return [
    notice(
      noticeKeys.changes(plan.id, event.sectionKey, section.revision, event.comment),
      toUser(event.ownerId),
      { kind: 'section-changes-requested', sectionKey: event.sectionKey },
    ),
  ];
};

/** The plan lead hears when someone else submits a section for review. */
export const sectionSubmitted: EventNotices<Event<'SectionSubmitted'>> = (event, plan) => {
  const section = findSection(plan, event.sectionKey);
  if (!section || event.by === plan.leadId) return [];
  return [
    notice(noticeKeys.submitted(plan.id, event.sectionKey, section.revision), toUser(plan.leadId), {
      kind: 'section-submitted',
      sectionKey: event.sectionKey,
      by: event.by,
    }),
  ];
};
