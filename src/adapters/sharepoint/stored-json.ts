/** Schemas of the JSON the lists hold in multi-line columns, checked on every read. */
import { z } from 'zod';
import { DECISION_OUTCOMES } from '../../domain/governance/decision-outcomes.js';
import { timelineRuleOverridesSchema } from '../../templates/calendar-load.js';

const outcome = z.enum(DECISION_OUTCOMES);

const source = z.object({ title: z.string(), author: z.string(), date: z.string() });

export const promptQuestionJson = z.object({
  id: z.string(),
  text: z.string(),
  source,
  figureKeys: z.array(z.string()).optional(),
});

const figureFieldJson = z.union([
  z.object({
    key: z.string(),
    label: z.string(),
    kind: z.literal('entered'),
    unit: z.enum(['currency-gbp', 'count', 'hours']),
    description: z.string().optional(),
  }),
  z.object({
    key: z.string(),
    label: z.string(),
    kind: z.literal('share'),
    numeratorKey: z.string(),
    denominatorKey: z.string(),
    description: z.string().optional(),
  }),
]);

export const sectionDefinitionJson = z.object({
  key: z.string(),
  title: z.string(),
  part: z.enum(['plan', 'report', 'implications']),
  kind: z.enum(['foreword', 'narrative', 'implications', 'kpis', 'milestones', 'report']),
  guidance: z.string(),
  wordBudget: z.number(),
  required: z.boolean(),
  theme: z.number().optional(),
  promptQuestions: z.array(promptQuestionJson),
  figureFields: z.array(figureFieldJson),
  completedByRole: z.string().optional(),
  noneText: z.string().optional(),
});

export const idListJson = z.array(z.string());
export const liveCardJson = z.object({
  kind: z.literal('approval'),
  stageKey: z.string(),
  round: z.number().int(),
});
export const figuresJson = z.record(z.string(), z.number().nullable());
export const promptAnswersJson = z.record(
  z.string(),
  z.union([
    z.object({ state: z.literal('answered') }),
    z.object({ state: z.literal('not-applicable'), reason: z.string() }),
  ]),
);
export const contentJson = z.array(z.unknown());

export const approvalRuleJson = z.union([
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('any') }),
  z.object({ kind: z.literal('quorum'), n: z.number().int().positive() }),
]);

export const stageDefinitionJson = z.object({
  title: z.string(),
  kind: z.enum(['sign-off', 'endorsement', 'decision']),
  rule: approvalRuleJson,
  approverRoles: z.array(z.string()),
  mandatoryRoles: z.array(z.string()),
  outcomes: z.array(outcome).optional(),
  publishableOutcomes: z.array(outcome).optional(),
  decisionBody: z.string().optional(),
  timelineStep: z.enum(['management-team', 'portfolio-holder', 'none']).optional(),
  allowsPending: z.boolean().optional(),
  reopens: z.enum(['any-change', 'sections', 'draft']).optional(),
  covers: z.array(z.string()).optional(),
});

export const delegationsJson = z.array(
  z.object({ approverId: z.string(), deputyId: z.string(), by: z.string(), at: z.string() }),
);

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const planDetailsJson = z.object({
  pageBudget: z.object({ minPages: z.number(), maxPages: z.number() }),
  roleDefinitions: z.array(
    z.object({ key: z.string(), title: z.string(), group: z.boolean(), description: z.string().optional() }),
  ),
  headerFields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      type: z.enum(['text', 'boolean', 'date', 'choice', 'person', 'wards']),
      required: z.boolean(),
      choices: z.array(z.string()).optional(),
      defaultRole: z.string().optional(),
      position: z.enum(['before-summary', 'after-summary']).optional(),
      display: z.enum(['row', 'banner']).optional(),
      binds: z.literal('key-decision').optional(),
      show: z.array(z.enum(['name', 'job-title', 'phone', 'email'])).optional(),
    }),
  ),
  governance: z
    .object({
      model: z.enum(['executive', 'committee']),
      decisionBody: z.string(),
      keyDecision: z.enum(['per-plan', 'always', 'never']),
      callIn: z.enum(['all-decisions', 'key-decisions', 'none']),
      callInUrgency: z.object({ agreedBy: z.string(), description: z.string().optional() }).nullable(),
      timelineRules: timelineRuleOverridesSchema,
    })
    .optional(),
  roles: z.record(z.string(), z.array(z.string())),
  /** The plan's section and stage keys in order; items of the plan not named are left behind by a format change. */
  sectionKeys: z.array(z.string()).optional(),
  stageKeys: z.array(z.string()).optional(),
  dates: z.object({
    submissionDeadline: day.nullable(),
    decisionMeeting: z.object({ body: z.string(), date: day }).nullable(),
    keyDecision: z.boolean(),
    managementTeamMeeting: day.nullable(),
  }),
  header: z.record(z.string(), z.union([z.string(), z.boolean(), z.null()])),
  decision: z
    .object({
      stageKey: z.string(),
      meetingBody: z.string(),
      meetingDate: day,
      minuteReference: z.string(),
      callInEndsOn: day.nullable(),
      outcome,
      hash: z.string(),
      recordedBy: z.string(),
      recordedAt: z.string(),
    })
    .nullable(),
  publication: z
    .object({
      hash: z.string(),
      version: z.number(),
      links: z.array(z.object({ label: z.string(), url: z.string() })),
      publishedBy: z.string(),
      publishedAt: z.string(),
      callInOverride: z
        .object({
          reason: z.string(),
          agreedBy: z.string(),
          callInEndsOn: day,
          recordedBy: z.string(),
          recordedAt: z.string(),
        })
        .optional(),
    })
    .nullable(),
  submission: z
    .object({
      to: z.string(),
      submittedOn: day,
      reference: z.string().nullable(),
      recordedBy: z.string(),
      recordedAt: z.string(),
    })
    .nullable(),
  managementTeamChat: z.string().nullable().optional(),
  createdBy: z.string(),
  createdAt: z.string(),
  lifecycle: z
    .object({ state: z.enum(['archived', 'deleted']), by: z.string(), at: z.string() })
    .nullable()
    .optional(),
});

/** A section's Contribution column: how its text arrives (absent on items written before it existed). */
export const contributionJson = z.object({
  toFollow: z
    .object({ from: z.string(), by: day.nullable(), markedBy: z.string(), markedAt: z.string() })
    .nullable(),
  outsideParty: z
    .object({ organisation: z.string(), contactName: z.string(), email: z.string().nullable() })
    .nullable(),
  jointAuthors: z.boolean(),
  agreements: z.array(z.object({ authorId: z.string(), revision: z.number().int(), at: z.string() })),
});

export const sectionHashesJson = z.record(z.string(), z.string());
export const seenJson = z.object({ version: z.number().int(), sections: sectionHashesJson });
