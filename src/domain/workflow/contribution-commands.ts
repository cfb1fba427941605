/**
 * Commands on how a section's text arrives: mark it "to follow" (the plan lead), and complete it as
 * "None" in one step (its owner, for an implications paragraph).
 */
import { isIsoDate } from '../dates/calendar.js';
import type { Command } from '../plan/commands.js';
import type { Section } from '../plan/plan.js';
import { findSection } from '../plan/plan.js';
import { replaceSection } from '../plan/updates.js';
import { ok, refuse } from '../support/result.js';
import { canonicalJson } from '../support/canonical-json.js';
import type { RichText } from '../sections/rich-text.js';
import { noneWording, outstandingAuthors } from '../sections/contribution.js';
import { onlyPlanLead, onlySectionEditors } from './authorization.js';
import { UNCHANGED, type CommandRule } from './command-rule.js';
import { submitSection } from './section-commands.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

export const MAX_AWAITED_FROM_CHARS = 255;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export const setToFollow: CommandRule<Of<'setToFollow'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'mark sections to follow'),
  apply(plan, command, context) {
    const section = findSection(plan, command.sectionKey);
    if (!section) return refuse('NOT_FOUND', `There is no section "${command.sectionKey}" in this plan.`);
    const title = section.definition.title;
    if (command.toFollow === null) {
      if (section.toFollow === null) return ok(UNCHANGED);
      return ok({
        plan: replaceSection(plan, { ...section, toFollow: null }),
        events: [
          { type: 'ToFollowChanged', planId: plan.id, sectionKey: section.definition.key, toFollow: null },
        ],
        summary: `"${title}" is no longer marked to follow`,
      });
    }
    const from = command.toFollow.from.trim();
    const by = command.toFollow.by;
    if (from === '') return refuse('VALIDATION', `Say who "${title}" is awaited from.`, { field: 'from' });
    if (from.length > MAX_AWAITED_FROM_CHARS || CONTROL.test(from)) {
      return refuse(
        'VALIDATION',
        `Keep who it is awaited from to one line under ${MAX_AWAITED_FROM_CHARS} characters.`,
        {
          field: 'from',
        },
      );
    }
    if (by !== null && !isIsoDate(by)) {
      return refuse('VALIDATION', `"${by}" is not a date (expected YYYY-MM-DD).`, { field: 'by' });
    }
    if (section.status === 'accepted') {
      return refuse('INVALID_STATE', `"${title}" has been accepted: it is in the plan, not to follow.`);
    }
    if (section.toFollow && section.toFollow.from === from && section.toFollow.by === by)
      return ok(UNCHANGED);
    const updated: Section = {
      ...section,
      toFollow: { from, by, markedBy: context.actor.id, markedAt: context.now },
    };
    return ok({
      plan: replaceSection(plan, updated),
      events: [
        {
          type: 'ToFollowChanged',
          planId: plan.id,
          sectionKey: section.definition.key,
          toFollow: { from, by },
        },
      ],
      summary: `Marked "${title}" to follow, awaited from ${from}${by ? ` by ${by}` : ''}`,
    });
  },
};

const paragraphOf = (text: string): RichText => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

export const completeAsNone: CommandRule<Of<'completeAsNone'>> = {
  authorize: (plan, command, actor) =>
    onlySectionEditors(findSection(plan, command.sectionKey), actor, 'complete it'),
  apply(plan, command, context) {
    const section = findSection(plan, command.sectionKey);
    if (!section) return refuse('NOT_FOUND', `There is no section "${command.sectionKey}" in this plan.`);
    const title = section.definition.title;
    const wording = noneWording(section);
    if (wording === null) {
      return refuse('VALIDATION', `"${title}" has no standard "None" wording; write it instead.`);
    }
    const content = paragraphOf(wording);
    const same = canonicalJson(section.content) === canonicalJson(content);
    // Already "None" and submitted (or agreed by this author): a repeated click.
    if (same && (section.status === 'submitted' || section.status === 'accepted')) return ok(UNCHANGED);
    if (same && section.jointAuthors && !outstandingAuthors(section).includes(context.actor.id)) {
      return ok(UNCHANGED);
    }
    if (section.status === 'accepted') {
      return refuse('INVALID_STATE', `"${title}" has been accepted. Ask the plan lead to reopen it first.`);
    }
    // "None" replaces the whole text: only from the revision the person saw, so nothing written since is lost.
    if (!same && command.baseRevision !== section.revision) {
      return refuse(
        'STALE_VERSION',
        `"${title}" was changed${section.lastEdit ? ` by ${section.lastEdit.by} at ${section.lastEdit.at}` : ''} after you opened it. Review it before completing it as "${wording}".`,
        { sectionKey: section.definition.key, revision: section.revision, lastEdit: section.lastEdit },
      );
    }
    const written: Section = same
      ? section
      : {
          ...section,
          content,
          status: 'drafting',
          revision: section.revision + 1,
          lastEdit: { by: context.actor.id, at: context.now },
        };
    const submitted = submitSection.apply(
      replaceSection(plan, written),
      { type: 'submitSection', sectionKey: section.definition.key },
      context,
    );
    if (!submitted.ok) return submitted;
    const outcome = submitted.value;
    if (outcome === UNCHANGED) return ok(UNCHANGED);
    return ok({
      ...outcome,
      events: [
        ...(same
          ? []
          : [
              {
                type: 'SectionEdited' as const,
                planId: plan.id,
                sectionKey: section.definition.key,
                revision: written.revision,
              },
            ]),
        ...outcome.events,
      ],
      summary: `Completed "${title}" as “${wording}”: ${outcome.summary.charAt(0).toLowerCase()}${outcome.summary.slice(1)}`,
    });
  },
};
