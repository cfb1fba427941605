/** Commands on sections: assign, edit, submit, accept, request changes. */
import { onlyPlanLead, onlySectionEditors } from './authorization.js';
import { isIsoDate } from '../dates/calendar.js';
import { canonicalJson } from '../support/canonical-json.js';
import type { Command } from '../plan/commands.js';
import { validateFigures } from '../sections/figures.js';
import type { Plan, PromptAnswer, Section } from '../plan/plan.js';
import { findSection } from '../plan/plan.js';
import { replaceSection } from '../plan/updates.js';
import { ok, refuse, type Result } from '../support/result.js';
import { validateRichText } from '../sections/rich-text.js';
import { UNCHANGED, type CommandContext, type CommandRule, type Outcome } from './command-rule.js';
import type { DomainEvent } from '../plan/events.js';
import {
  authorsOf,
  checkOutsideParty,
  describeParty,
  hasAgreed,
  outstandingAuthors,
} from '../sections/contribution.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

export const MAX_COMMENT_CHARS = 2_000;
export const MAX_REASON_CHARS = 500;

function sectionOrRefuse(plan: Plan, key: string): Result<Section> {
  const section = findSection(plan, key);
  return section
    ? ok(section)
    : refuse('NOT_FOUND', `There is no section "${key}" in this plan.`, { sectionKey: key });
}

export const assignSection: CommandRule<Of<'assignSection'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'assign sections'),
  apply(plan, command) {
    const found = sectionOrRefuse(plan, command.sectionKey);
    if (!found.ok) return found;
    const section = found.value;
    if (command.ownerId.trim() === '') return refuse('VALIDATION', 'Choose an owner for the section.');
    if (command.dueDate !== null && !isIsoDate(command.dueDate)) {
      return refuse('VALIDATION', `"${command.dueDate}" is not a date (expected YYYY-MM-DD).`);
    }
    const contributorIds = [...new Set(command.contributorIds)].filter((id) => id !== command.ownerId);
    const jointAuthors = command.jointAuthors ?? section.jointAuthors;
    if (jointAuthors && contributorIds.length === 0) {
      return refuse('VALIDATION', 'Joint authors need at least one contributor besides the owner.');
    }
    let outsideParty = section.outsideParty;
    if (command.outsideParty !== undefined) {
      if (command.outsideParty === null) outsideParty = null;
      else {
        const checked = checkOutsideParty(command.outsideParty);
        if (!checked.ok) return refuse('VALIDATION', checked.message, { field: checked.field });
        outsideParty = checked.value;
      }
    }
    if (
      section.ownerId === command.ownerId &&
      section.dueDate === command.dueDate &&
      canonicalJson(section.contributorIds) === canonicalJson(contributorIds) &&
      section.jointAuthors === jointAuthors &&
      canonicalJson(section.outsideParty) === canonicalJson(outsideParty)
    ) {
      return ok(UNCHANGED);
    }
    const assigned: Section = {
      ...section,
      ownerId: command.ownerId,
      contributorIds,
      dueDate: command.dueDate,
      jointAuthors,
      outsideParty,
    };
    // Agreements count only from people who are still authors.
    const authors = new Set(authorsOf(assigned));
    const updated: Section = {
      ...assigned,
      agreements: jointAuthors ? section.agreements.filter((a) => authors.has(a.authorId)) : [],
    };
    const how = [
      ...(jointAuthors ? [`with joint authors ${contributorIds.join(', ')}`] : []),
      ...(outsideParty ? [`awaited from ${describeParty(outsideParty)}`] : []),
    ];
    return ok({
      plan: replaceSection(plan, updated),
      events: [
        {
          type: 'SectionAssigned',
          planId: plan.id,
          sectionKey: command.sectionKey,
          ownerId: command.ownerId,
          contributorIds,
          dueDate: command.dueDate,
          previousOwnerId: section.ownerId,
        },
      ],
      summary: `Assigned "${section.definition.title}" to ${command.ownerId}${how.length > 0 ? ` ${how.join(', ')}` : ''}${command.dueDate ? `, due ${command.dueDate}` : ''}`,
    });
  },
};

function mergeAnswers(
  section: Section,
  changes: Readonly<Record<string, PromptAnswer | null>>,
): Result<Record<string, PromptAnswer>> {
  const known = new Set(section.definition.promptQuestions.map((q) => q.id));
  const merged: Record<string, PromptAnswer> = { ...section.promptAnswers };
  for (const [id, answer] of Object.entries(changes)) {
    if (!known.has(id)) return refuse('VALIDATION', `"${id}" is not a prompt question of this section.`);
    if (answer === null) {
      delete merged[id];
    } else if (answer.state === 'answered') {
      merged[id] = { state: 'answered' };
    } else if (answer.state === 'not-applicable') {
      const reason = typeof answer.reason === 'string' ? answer.reason.trim() : '';
      if (reason === '')
        return refuse('VALIDATION', 'Say why the question does not apply.', { questionId: id });
      if (reason.length > MAX_REASON_CHARS) {
        return refuse('VALIDATION', `Keep the reason under ${MAX_REASON_CHARS} characters.`, {
          questionId: id,
        });
      }
      merged[id] = { state: 'not-applicable', reason };
    } else {
      return refuse('VALIDATION', `Unknown answer state for "${id}".`);
    }
  }
  return ok(merged);
}

export const editSection: CommandRule<Of<'editSection'>> = {
  authorize: (plan, command, actor) =>
    onlySectionEditors(findSection(plan, command.sectionKey), actor, 'edit it'),
  apply(plan, command, context) {
    const found = sectionOrRefuse(plan, command.sectionKey);
    if (!found.ok) return found;
    const section = found.value;
    const content = command.content === undefined ? ok(section.content) : validateRichText(command.content);
    if (!content.ok) return content;
    const figures = { ...section.figures, ...(command.figures ?? {}) };
    const checkedFigures = validateFigures(section.definition.figureFields, figures, { requireBases: false });
    if (!checkedFigures.ok) return checkedFigures;
    const answers = mergeAnswers(section, command.promptAnswers ?? {});
    if (!answers.ok) return answers;

    const unchanged =
      canonicalJson(content.value) === canonicalJson(section.content) &&
      canonicalJson(figures) === canonicalJson(section.figures) &&
      canonicalJson(answers.value) === canonicalJson(section.promptAnswers);
    // An identical save is a retry of one that already landed: accept it whatever revision it names.
    if (unchanged) return ok(UNCHANGED);
    if (command.baseRevision !== section.revision) {
      return refuse(
        'STALE_VERSION',
        `"${section.definition.title}" was changed${section.lastEdit ? ` by ${section.lastEdit.by} at ${section.lastEdit.at}` : ''} after you opened it. Review their version and merge your changes.`,
        { sectionKey: section.definition.key, revision: section.revision, lastEdit: section.lastEdit },
      );
    }
    if (section.status === 'accepted') {
      return refuse(
        'INVALID_STATE',
        `"${section.definition.title}" has been accepted. Ask the plan lead to reopen it before editing.`,
      );
    }
    const updated: Section = {
      ...section,
      content: content.value,
      figures,
      promptAnswers: answers.value,
      status: 'drafting',
      revision: section.revision + 1,
      lastEdit: { by: context.actor.id, at: context.now },
    };
    return ok({
      plan: replaceSection(plan, updated),
      events: [
        {
          type: 'SectionEdited',
          planId: plan.id,
          sectionKey: section.definition.key,
          revision: updated.revision,
        },
      ],
      ...enteredFor(section, `Edited "${section.definition.title}" (revision ${updated.revision})`),
    });
  },
};

export const submitSection: CommandRule<Of<'submitSection'>> = {
  authorize: (plan, command, actor) =>
    onlySectionEditors(findSection(plan, command.sectionKey), actor, 'submit it'),
  apply(plan, command, context) {
    const found = sectionOrRefuse(plan, command.sectionKey);
    if (!found.ok) return found;
    const section = found.value;
    if (section.status === 'submitted') return ok(UNCHANGED);
    if (section.status === 'accepted') {
      return refuse('INVALID_STATE', `"${section.definition.title}" has already been accepted.`);
    }
    if (section.content.length === 0) {
      return refuse('VALIDATION', `Write "${section.definition.title}" before submitting it.`);
    }
    const figures = validateFigures(section.definition.figureFields, section.figures, { requireBases: true });
    if (!figures.ok) return figures;
    if (section.jointAuthors) return agreeAsJointAuthor(plan, section, context);
    const updated: Section = { ...section, status: 'submitted', reviewComment: null };
    return ok({
      plan: replaceSection(plan, updated),
      events: [
        {
          type: 'SectionSubmitted',
          planId: plan.id,
          sectionKey: section.definition.key,
          by: context.actor.id,
        },
      ],
      ...enteredFor(section, `Submitted "${section.definition.title}"`),
    });
  },
};

/**
 * A joint author's "submit" is their agreement to the text as it stands; the section is submitted when the
 * last author agrees. An agreement is to one revision: after an edit, everyone agrees again.
 */
function agreeAsJointAuthor(plan: Plan, section: Section, context: CommandContext): Result<Outcome> {
  const authorId = context.actor.id;
  if (hasAgreed(section, authorId)) return ok(UNCHANGED);
  const agreed: Section = {
    ...section,
    agreements: [
      ...section.agreements.filter((a) => a.authorId !== authorId),
      { authorId, revision: section.revision, at: context.now },
    ],
  };
  const outstanding = outstandingAuthors(agreed);
  const title = section.definition.title;
  const agreedEvent: DomainEvent = {
    type: 'AuthorAgreed',
    planId: plan.id,
    sectionKey: section.definition.key,
    authorId,
    outstanding,
  };
  if (outstanding.length > 0) {
    return ok({
      plan: replaceSection(plan, agreed),
      events: [agreedEvent],
      summary: `Agreed "${title}" (revision ${section.revision}) as a joint author; waiting for ${outstanding.join(', ')}`,
    });
  }
  return ok({
    plan: replaceSection(plan, { ...agreed, status: 'submitted', reviewComment: null }),
    events: [
      agreedEvent,
      { type: 'SectionSubmitted', planId: plan.id, sectionKey: section.definition.key, by: authorId },
    ],
    summary: `Agreed "${title}" (revision ${section.revision}) as the last joint author: submitted`,
  });
}

/** The summary, and for text from outside the council, whose text it is. */
function enteredFor(section: Section, summary: string): { summary: string; onBehalfOf?: string } {
  if (section.outsideParty === null) return { summary };
  const party = describeParty(section.outsideParty);
  return { summary: `${summary} on behalf of ${party}`, onBehalfOf: party };
}

export const acceptSection: CommandRule<Of<'acceptSection'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'accept sections'),
  apply(plan, command) {
    const found = sectionOrRefuse(plan, command.sectionKey);
    if (!found.ok) return found;
    const section = found.value;
    if (section.status === 'accepted') return ok(UNCHANGED);
    if (section.status !== 'submitted') {
      return refuse('INVALID_STATE', `"${section.definition.title}" has not been submitted yet.`, {
        status: section.status,
      });
    }
    const landed = section.toFollow !== null;
    return ok({
      // A section that was to follow lands when accepted: the document carries its text from now on.
      plan: replaceSection(plan, { ...section, status: 'accepted', toFollow: null }),
      events: [
        { type: 'SectionAccepted', planId: plan.id, sectionKey: section.definition.key },
        ...(landed
          ? [{ type: 'SectionLanded' as const, planId: plan.id, sectionKey: section.definition.key }]
          : []),
      ],
      summary: `Accepted "${section.definition.title}"${landed ? ', which was to follow: it has landed' : ''}`,
    });
  },
};

export const requestSectionChanges: CommandRule<Of<'requestSectionChanges'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'ask for changes to sections'),
  apply(plan, command): Result<Outcome> {
    const found = sectionOrRefuse(plan, command.sectionKey);
    if (!found.ok) return found;
    const section = found.value;
    const comment = command.comment.trim();
    if (comment === '') return refuse('VALIDATION', 'Say what needs to change.');
    if (comment.length > MAX_COMMENT_CHARS) {
      return refuse('VALIDATION', `Keep the comment under ${MAX_COMMENT_CHARS} characters.`);
    }
    if (section.status === 'changes-requested' && section.reviewComment === comment) return ok(UNCHANGED);
    if (section.status !== 'submitted' && section.status !== 'accepted') {
      return refuse('INVALID_STATE', `"${section.definition.title}" is not waiting for review.`, {
        status: section.status,
      });
    }
    return ok({
      plan: replaceSection(plan, {
        ...section,
        status: 'changes-requested',
        reviewComment: comment,
        agreements: [],
      }),
      events: [
        {
          type: 'SectionChangesRequested',
          planId: plan.id,
          sectionKey: section.definition.key,
          ownerId: section.ownerId,
          comment,
        },
      ],
      summary: `Asked for changes to "${section.definition.title}"`,
    });
  },
};
