/**
 * The shape of every request body, checked before anything else runs. The domain checks meaning
 * (dates that exist, people who hold roles, rich text that fits the model); these check form, and say
 * exactly which field is wrong.
 */
import { z } from 'zod';
import { DECISION_OUTCOMES } from '../../domain/governance/decision-outcomes.js';
import { ok, refuse, type Result } from '../../domain/support/result.js';
import type {
  AcceptSectionsRequest,
  AssignSectionRequest,
  CompleteAsNoneRequest,
  SetToFollowRequest,
  BindRoleRequest,
  CreatePlanRequest,
  EditSectionRequest,
  RecordDecisionRequest,
  RequestChangesRequest,
  RespondRequest,
  SetDatesRequest,
} from '../../shared/api.js';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD');
const id = z.string().trim().min(1, 'is required').max(100, 'is too long');
export const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

const datesSchema = z.strictObject({
  submissionDeadline: isoDate.nullable().optional(),
  decisionMeeting: z
    .strictObject({ body: text(200), date: isoDate })
    .nullable()
    .optional(),
  keyDecision: z.boolean().optional(),
  managementTeamMeeting: isoDate.nullable().optional(),
});

export const createPlanSchema = z.strictObject({
  templateId: id,
  reportFormatId: id,
  title: text(1_000),
  planId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, 'must be letters, digits and hyphens (up to 64)')
    .optional(),
  dates: datesSchema.optional(),
});

const answerSchema = z.union([
  z.strictObject({ state: z.literal('answered') }),
  z.strictObject({ state: z.literal('not-applicable'), reason: text(2_000) }),
]);

export const editSectionSchema = z.strictObject({
  baseRevision: z.number().int().min(0),
  // The closed rich-text model is checked by the domain (validateRichText), with its own messages.
  content: z.array(z.unknown()).optional(),
  figures: z.record(z.string(), z.number().nullable()).optional(),
  promptAnswers: z.record(z.string(), answerSchema.nullable()).optional(),
});

const outsidePartySchema = z.strictObject({
  organisation: text(255),
  contactName: text(255),
  email: text(254).nullable(),
});

export const assignSectionSchema = z.strictObject({
  ownerId: id,
  contributorIds: z.array(id).max(20, 'name at most 20 contributors'),
  dueDate: isoDate.nullable(),
  jointAuthors: z.boolean().optional(),
  outsideParty: outsidePartySchema.nullable().optional(),
});

export const setToFollowSchema = z.strictObject({ from: text(255), by: isoDate.nullable() });

export const completeAsNoneSchema = z.strictObject({ baseRevision: z.number().int().min(0) });

export const acceptSectionsSchema = z.strictObject({
  sectionKeys: z.array(id).min(1, 'choose at least one section').max(100, 'accept at most 100 at once'),
});

export const requestChangesSchema = z.strictObject({ comment: text(10_000) });

/** Starting approvals; how a stage for the whole management team is reached, when no chat is chosen yet. */
export const startApprovalsSchema = z.strictObject({
  delivery: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('chat'), conversationKey: z.string().min(1).max(500) }),
      z.strictObject({ kind: z.literal('one-to-one') }),
    ])
    .optional(),
});

export const respondSchema = z.strictObject({
  decision: z.enum(['approve', 'request-changes']),
  comment: text(10_000).nullable(),
  versionHash: z.string().min(1).max(200),
  onBehalfOf: id.optional(),
});

export const recordDecisionSchema = z.strictObject({
  meetingBody: text(200),
  meetingDate: isoDate,
  minuteReference: text(1_000),
  callInEndsOn: isoDate.nullable(),
  outcome: z.enum(DECISION_OUTCOMES),
  versionHash: z.string().min(1).max(200),
});

export const setDatesSchema = datesSchema;

export const bindRoleSchema = z.strictObject({ personIds: z.array(id).max(60, 'name at most 60 people') });

// The request types in src/shared are what the tab sends; these schemas must accept exactly those.
type Frozen<T> = T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T;
export type Same<Schema, Sent> = [Schema] extends [Sent]
  ? [Sent] extends [Frozen<Schema>]
    ? true
    : false
  : false;
/** Compiles only when given `true`: a schema and a request type that agree. */
export const agree = <T extends true>(_check?: T): void => undefined;
agree<Same<z.infer<typeof assignSectionSchema>, AssignSectionRequest>>();
agree<Same<z.infer<typeof setToFollowSchema>, SetToFollowRequest>>();
agree<Same<z.infer<typeof completeAsNoneSchema>, CompleteAsNoneRequest>>();
agree<Same<z.infer<typeof acceptSectionsSchema>, AcceptSectionsRequest>>();
agree<Same<z.infer<typeof requestChangesSchema>, RequestChangesRequest>>();
agree<Same<z.infer<typeof bindRoleSchema>, BindRoleRequest>>();
agree<Same<z.infer<typeof respondSchema>['decision'], RespondRequest['decision']>>();
agree<Same<z.infer<typeof recordDecisionSchema>, RecordDecisionRequest>>();
agree<Same<keyof z.infer<typeof editSectionSchema>, keyof EditSectionRequest>>();
agree<Same<keyof z.infer<typeof createPlanSchema>, keyof CreatePlanRequest>>();
agree<Same<keyof z.infer<typeof setDatesSchema>, keyof SetDatesRequest>>();

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): Result<T> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
    return `${where}: ${issue.message}`;
  });
  return refuse('VALIDATION', `The request is not valid: ${problems.slice(0, 5).join('; ')}.`, { problems });
}
