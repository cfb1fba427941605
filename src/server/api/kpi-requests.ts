/**
 * Request bodies for KPIs, milestones, progress updates, the decision, publication and submission.
 * These check form only and stay loose on content (an empty name, a missing date): the domain's
 * validators name every problem of meaning at once, in words the form shows.
 */
import { z } from 'zod';
import type {
  DefineKpiRequest,
  DefineMilestoneRequest,
  MilestoneProgressRequest,
  ProgressRespondRequest,
  ProgressSummaryRequest,
  RecordPlanDecisionRequest,
  PublishPlanRequest,
  RecordSubmissionRequest,
  RecordValueRequest,
  RetireKpiRequest,
  StartProgressUpdateRequest,
  UpdateKpiRequest,
  UpdateMilestoneRequest,
} from '../../shared/kpi-api.js';
import { agree, isoDate, recordDecisionSchema, text, type Same } from './requests.js';

const amount = z.number().nullable().optional();
const revision = z.number().int().min(0);
const clientId = z.string().max(64, 'is too long').optional();
const periodKey = z.string().min(1, 'is required').max(16, 'is too long');

const entrySchema = z.strictObject({ value: amount, part: amount, whole: amount });

const kpiDraftSchema = z.strictObject({
  name: text(1_000),
  definition: text(5_000),
  unit: z.enum(['currency-gbp', 'count', 'hours', 'percent', 'number']),
  share: z
    .strictObject({
      partLabel: text(1_000),
      wholeLabel: text(1_000),
      unit: z.enum(['currency-gbp', 'count', 'hours']),
    })
    .nullable(),
  direction: z.enum(['higher-is-better', 'lower-is-better']),
  ownerId: text(100),
  frequency: z.enum(['monthly', 'quarterly', 'annually']),
  source: text(1_000),
  theme: z.number().int().nullable(),
  // Dates are checked by the domain, which says which one is missing.
  baseline: z.strictObject({ value: amount, part: amount, whole: amount, date: text(10) }),
  target: z.strictObject({ value: z.number().nullable(), date: text(10) }),
});

export const defineKpiSchema = z.strictObject({ draft: kpiDraftSchema, id: clientId });
export const updateKpiSchema = z.strictObject({ baseRevision: revision, draft: kpiDraftSchema });
export const retireKpiSchema = z.strictObject({ baseRevision: revision });

export const recordValueSchema = z.strictObject({
  periodKey: periodKey.optional(),
  reading: entrySchema,
  commentary: text(5_000).nullable(),
});

const milestoneDefinitionSchema = z.strictObject({
  title: text(1_000),
  ownerId: text(100),
  dueDate: text(10),
  theme: z.number().int().nullable(),
});

export const defineMilestoneSchema = z.strictObject({ definition: milestoneDefinitionSchema, id: clientId });
export const updateMilestoneSchema = z.strictObject({
  baseRevision: revision,
  definition: milestoneDefinitionSchema,
});
export const milestoneProgressSchema = z.strictObject({
  baseRevision: revision,
  change: z.strictObject({
    status: z.enum(['not-started', 'in-progress', 'at-risk', 'complete']),
    completedOn: isoDate.nullable(),
    note: text(5_000).nullable(),
  }),
});

export const startProgressSchema = z.strictObject({ periodKey });
export const progressSummarySchema = z.strictObject({ summary: text(20_000).nullable() });
export const progressRespondSchema = z.strictObject({
  stageKey: z.string().min(1).max(100),
  decision: z.enum(['approve', 'request-changes']),
  comment: text(10_000).nullable(),
  hash: z.string().min(1).max(200),
});

/** The plan's decision, recorded without naming the stage: the same fields as a stage's decision. */
export const planDecisionSchema = recordDecisionSchema;

export const publishSchema = z.strictObject({
  callInOverride: z.strictObject({ reason: text(500) }).optional(),
});

export const submissionSchema = z.strictObject({
  to: text(500),
  submittedOn: isoDate,
  reference: text(500).nullable(),
});

// What the tab sends (src/shared/kpi-api.ts) must be what these accept, in both directions.
agree<Same<z.infer<typeof defineKpiSchema>, DefineKpiRequest>>();
agree<Same<z.infer<typeof updateKpiSchema>, UpdateKpiRequest>>();
agree<Same<z.infer<typeof retireKpiSchema>, RetireKpiRequest>>();
agree<Same<z.infer<typeof recordValueSchema>, RecordValueRequest>>();
agree<Same<z.infer<typeof defineMilestoneSchema>, DefineMilestoneRequest>>();
agree<Same<z.infer<typeof updateMilestoneSchema>, UpdateMilestoneRequest>>();
agree<Same<z.infer<typeof milestoneProgressSchema>, MilestoneProgressRequest>>();
agree<Same<z.infer<typeof startProgressSchema>, StartProgressUpdateRequest>>();
agree<Same<z.infer<typeof progressSummarySchema>, ProgressSummaryRequest>>();
agree<Same<z.infer<typeof progressRespondSchema>, ProgressRespondRequest>>();
agree<Same<z.infer<typeof planDecisionSchema>, RecordPlanDecisionRequest>>();
agree<Same<z.infer<typeof submissionSchema>, RecordSubmissionRequest>>();
agree<Same<z.infer<typeof publishSchema>, PublishPlanRequest>>();
