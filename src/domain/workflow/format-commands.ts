/**
 * Changing a plan's report format (plan lead only), while no approval round has started: once people
 * have been asked to approve a cover report in one format, it stays in that format.
 */
import { onlyPlanLead } from './authorization.js';
import type { Command } from '../plan/commands.js';
import type { DomainEvent } from '../plan/events.js';
import { reformat } from '../plan/reformat.js';
import { ok, refuse } from '../support/result.js';
import { UNCHANGED, type CommandRule } from './command-rule.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

export const changeReportFormat: CommandRule<Of<'changeReportFormat'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'change the report format'),
  apply(plan, { format }) {
    if (format.id === plan.reportFormatId) return ok(UNCHANGED);
    const started = plan.stages.find((s) => s.round > 0);
    if (started || plan.status !== 'drafting') {
      return refuse(
        'INVALID_STATE',
        `Approvals have started${started ? ` ("${started.title}")` : ''}: the cover report stays in the format its approvers were asked about.`,
        { reason: 'approvals-started' },
      );
    }
    const outcome = reformat(plan, format);
    if (outcome.kind === 'invalid') return refuse('VALIDATION', outcome.message, outcome.details);
    if (outcome.kind === 'unplaced') {
      const { sections, headerFields } = outcome.unplaced;
      const named = [
        ...sections.map((s) => `the section "${s.title}"`),
        ...headerFields.map((f) => `the header value "${f.label}"`),
      ];
      return refuse(
        'UNPLACED_TEXT',
        `${format.name} has no place for ${list(named)}. Move that text elsewhere or clear it, then change the format; nothing was changed.`,
        { sections, headerFields },
      );
    }
    const { plan: next, kept, added, removed, rolesCleared } = outcome.value;
    const events: DomainEvent[] = added.flatMap((section) =>
      section.ownerId === null
        ? []
        : [
            {
              type: 'SectionAssigned' as const,
              planId: plan.id,
              sectionKey: section.definition.key,
              ownerId: section.ownerId,
              contributorIds: [],
              dueDate: null,
              previousOwnerId: null,
            },
          ],
    );
    const parts = [
      `${kept.length} section${kept.length === 1 ? '' : 's'} kept their text`,
      `${added.length} new`,
      ...(removed.length > 0
        ? [`${removed.length} empty one${removed.length === 1 ? '' : 's'} removed`]
        : []),
      ...(rolesCleared.length > 0 ? [`roles the format lacks cleared: ${list(rolesCleared)}`] : []),
    ];
    return ok({
      plan: next,
      events,
      summary: `Changed the report format to ${format.name} (${parts.join('; ')})`,
    });
  },
};
