/**
 * Schemas for the template data files. They mirror src/domain/templates/template.ts and src/domain/templates/report-format.ts
 * exactly (checked at compile time at the bottom of this file), reject unknown keys, and add the checks
 * that span several fields: references between keys, uniqueness, and where each implication appears.
 */
import { z } from 'zod';
import type { PlanTemplate, SectionTemplate } from '../domain/templates/template.js';
import { IMPLICATION_OFFICERS } from '../domain/plan/create-plan.js';
import {
  DECISION_OUTCOMES,
  NEVER_PUBLISHABLE,
  DEFAULT_OUTCOMES,
} from '../domain/governance/decision-outcomes.js';
import { inferredSteps, PORTFOLIO_HOLDER_ROLE } from '../domain/governance/governance.js';
import type { Authorisation, ReportFormat } from '../domain/templates/report-format.js';
import type { Result } from '../domain/support/result.js';
import { timelineRuleOverridesSchema } from './calendar-load.js';

/** One thing wrong with a data file, located by a path such as `sections[3].promptQuestions[0].text`. */
export interface TemplateProblem {
  readonly path: string;
  readonly message: string;
}

/** The outcome of checking parsed data: the typed value, or every problem found. */
export type TemplateCheck<T> = Result<T, readonly TemplateProblem[]>;

/** The approver role that stands for "the officers named against the implications". */

// ---------------------------------------------------------------------------------------------------------
// Leaf schemas. Each carries its own message so a problem reads as what was expected and what was found.

const describeInput = (input: unknown): string => {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'string') {
    const shown = JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
    return `the string ${shown}`;
  }
  if (typeof input === 'number' || typeof input === 'boolean') return `${typeof input} ${String(input)}`;
  return typeof input;
};

/** Zod error option: "missing" when the key is absent, otherwise what was expected and what was found. */
const expecting = (expectation: string) => ({
  error: (issue: { readonly code?: string; readonly input?: unknown }): string => {
    if (issue.input !== undefined) return `expected ${expectation}, received ${describeInput(issue.input)}`;
    return issue.code === 'invalid_type' ? `missing: expected ${expectation}` : `expected ${expectation}`;
  },
});

/** For a union told apart by its `kind`: zod reports the whole object, the problem is its kind. */
const expectingKind = (kinds: string) => ({
  error: (issue: { readonly input?: unknown }): string => {
    const { input } = issue;
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return `expected an object whose kind is ${kinds}, received ${describeInput(input)}`;
    const kind: unknown = (input as Record<string, unknown>)['kind'];
    return kind === undefined
      ? `missing: expected ${kinds}`
      : `expected ${kinds}, received ${describeInput(kind)}`;
  },
});

const NON_EMPTY = 'a non-empty string';
const text = () => z.string(expecting(NON_EMPTY)).regex(/\S/, expecting(NON_EMPTY));

const KEY_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const KEY = 'a key of lower-case letters and digits joined by "-" or "." (e.g. "theme-1" or "t1.q3")';
/** Keys end up in URLs, list columns and card payloads, so they are kept to a safe alphabet. */
const key = () => z.string(expecting(KEY)).regex(KEY_PATTERN, expecting(KEY));

const ISO_DATE = 'an ISO date (YYYY-MM-DD) that exists in the calendar';
const isoDate = () => z.iso.date(expecting(ISO_DATE));

const POSITIVE_WHOLE = 'a positive whole number';
const positiveWhole = () =>
  z.number(expecting(POSITIVE_WHOLE)).int(expecting(POSITIVE_WHOLE)).positive(expecting(POSITIVE_WHOLE));

const bool = () => z.boolean(expecting('true or false'));

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, expecting(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`));

const list = <T extends z.ZodType>(item: T) => z.array(item, expecting('an array')).readonly();

const object = <S extends z.core.$ZodLooseShape>(shape: S) => z.strictObject(shape, expecting('an object'));

// ---------------------------------------------------------------------------------------------------------
// Plan template

const sourceRefSchema = object({ title: text(), author: text(), date: isoDate() });

const promptQuestionSchema = object({
  id: key(),
  text: text(),
  source: sourceRefSchema,
  figureKeys: list(key()).optional(),
});

const figureFieldSchema = z.discriminatedUnion(
  'kind',
  [
    object({
      key: key(),
      label: text(),
      kind: z.literal('entered'),
      unit: oneOf(['currency-gbp', 'count', 'hours']),
      description: text().optional(),
    }),
    object({
      key: key(),
      label: text(),
      kind: z.literal('share'),
      numeratorKey: key(),
      denominatorKey: key(),
      description: text().optional(),
    }),
  ],
  expectingKind('"entered" or "share"'),
);

const sectionTemplateSchema = object({
  key: key(),
  title: text(),
  kind: oneOf(['foreword', 'narrative', 'implications', 'kpis', 'milestones']),
  guidance: text(),
  wordBudget: positiveWhole(),
  required: bool(),
  theme: positiveWhole().optional(),
  promptQuestions: list(promptQuestionSchema),
  figures: list(figureFieldSchema),
});

const requiredStepSchema = object({
  key: oneOf(['member-endorsement', 'web-publication', 'submission', 'progress-updates']),
  title: text(),
  description: text(),
  source: sourceRefSchema,
});

const planTemplateShape = object({
  id: key(),
  version: positiveWhole(),
  name: text(),
  planType: key(),
  issuedBy: text(),
  sources: list(sourceRefSchema),
  pageBudget: object({ minPages: positiveWhole(), maxPages: positiveWhole(), source: sourceRefSchema }),
  submission: object({ deadline: isoDate(), to: text(), source: sourceRefSchema }),
  requiredSteps: list(requiredStepSchema),
  sections: list(sectionTemplateSchema),
});

// ---------------------------------------------------------------------------------------------------------
// Report format

const approvalRuleSchema = z.discriminatedUnion(
  'kind',
  [
    object({ kind: z.literal('all') }),
    object({ kind: z.literal('any') }),
    object({ kind: z.literal('quorum'), n: positiveWhole() }),
  ],
  expectingKind('"all", "any" or "quorum"'),
);

const outcome = () => oneOf(DECISION_OUTCOMES);

const governanceSchema = object({
  model: oneOf(['executive', 'committee']),
  keyDecision: object({
    mode: oneOf(['per-plan', 'always', 'never']),
    default: bool().optional(),
  }).optional(),
  callIn: object({
    appliesTo: oneOf(['all-decisions', 'key-decisions', 'none']),
    urgency: object({ agreedBy: text(), description: text().optional() }).optional(),
  }).optional(),
  description: text().optional(),
});

/** Absent from a file: no authorisation table (a table without rows is never printed). */
const NO_AUTHORISATION: Authorisation = { title: 'Authorisation', roles: [] };

const authorisationSchema = object({
  title: text(),
  roles: list(key()).optional(),
  rows: list(object({ role: key(), label: text().optional() })).optional(),
  description: text().optional(),
  intro: text().optional(),
  columns: object({ role: text(), name: text(), date: text() }).optional(),
  dateFormat: oneOf(['long', 'dd/mm/yyyy']).optional(),
})
  .superRefine((a, ctx) => {
    if (a.roles !== undefined && a.rows !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['rows'],
        message: 'give roles or rows, not both',
        continue: false,
      });
    else if (a.roles === undefined && a.rows === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['rows'],
        message: 'missing: give the table’s rows (or roles)',
        continue: false,
      });
    else if ((a.roles ?? a.rows ?? []).length === 0)
      ctx.addIssue({
        code: 'custom',
        path: [a.rows === undefined ? 'roles' : 'rows'],
        message: 'an authorisation table needs at least one row; leave authorisation out for none',
        continue: false,
      });
  })
  .transform(({ roles, ...rest }): Authorisation => ({ ...rest, roles: roles ?? [] }));

const reportFormatShape = object({
  id: key(),
  council: text(),
  name: text(),
  decisionBody: text(),
  governance: governanceSchema.optional(),
  timelineRules: timelineRuleOverridesSchema.optional(),
  description: text().optional(),
  paragraphNumbering: oneOf(['none', 'continuous', 'by-section']),
  roles: list(object({ key: key(), title: text(), group: bool(), description: text().optional() })),
  headerFields: list(
    object({
      key: key(),
      label: text(),
      type: oneOf(['text', 'boolean', 'date', 'choice', 'person', 'wards']),
      required: bool(),
      choices: list(text()).optional(),
      defaultRole: key().optional(),
      position: oneOf(['before-summary', 'after-summary']).optional(),
      display: oneOf(['row', 'banner']).optional(),
      binds: oneOf(['key-decision']).optional(),
      show: list(oneOf(['name', 'job-title', 'phone', 'email'])).optional(),
    }),
  ),
  headings: list(
    object({
      key: key(),
      title: text(),
      kind: oneOf([
        'summary',
        'recommendations',
        'reasons',
        'narrative',
        'corporate-plan-objectives',
        'implications',
        'appendices',
        'background-papers',
        'author',
        'options',
        'glossary',
      ]),
      numbered: bool(),
      guidance: text().optional(),
      implicationKeys: list(key()).optional(),
      numbering: object({
        style: oneOf(['number', 'letter']).optional(),
        restart: bool().optional(),
        paragraphs: oneOf(['report', 'none', 'within-heading', 'continuous', 'list']).optional(),
        paragraphStyle: oneOf(['number', 'letter', 'roman']).optional(),
      }).optional(),
      terms: list(object({ term: text(), meaning: text() })).optional(),
    }),
  ),
  implications: object({
    presentation: oneOf(['sections', 'appendix', 'table']),
    headings: list(
      object({
        key: key(),
        title: text(),
        completedByRole: key().optional(),
        defaultText: text().optional(),
        noneText: text().optional(),
      }),
    ),
    author: object({ label: text(), position: oneOf(['before', 'after']) }).optional(),
    tableColumns: object({ implication: text(), details: text(), signOff: text().optional() }).optional(),
    noneText: text().optional(),
  }),
  authorisation: authorisationSchema.optional().transform((a) => a ?? NO_AUTHORISATION),
  appendices: list(
    object({
      key: key(),
      title: text(),
      content: oneOf(['plan', 'government-letter', 'implications', 'other']),
    }),
  ),
  appendixLabel: object({
    prefix: text(),
    separator: z
      .string(expecting('a string of at least one character'))
      .min(1, expecting('at least one character')),
    style: oneOf(['number', 'letter']).optional(),
  }).optional(),
  approvalChain: list(
    object({
      key: key(),
      title: text(),
      kind: oneOf(['sign-off', 'endorsement', 'decision']),
      approverRoles: list(key()),
      rule: approvalRuleSchema,
      mandatoryRoles: list(key()),
      description: text().optional(),
      outcomes: list(outcome()).optional(),
      publishableOutcomes: list(outcome()).optional(),
      decisionBody: text().optional(),
      timelineStep: oneOf(['management-team', 'portfolio-holder', 'none']).optional(),
      allowsPending: bool().optional(),
      reopens: oneOf(['any-change', 'sections', 'draft']).optional(),
      covers: list(key()).optional(),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------------------
// Cross-field checks. They run only on data that already has the right shape, and report every problem
// rather than the first, each at the path of the value that has to change.

type Path = readonly (string | number)[];
interface Finding {
  readonly path: Path;
  readonly message: string;
}

/** Reports the second and later occurrences of each value, pointing back at the first. */
const duplicates = (entries: readonly { value: string; path: Path }[], what: string): Finding[] => {
  const first = new Map<string, Path>();
  const found: Finding[] = [];
  for (const { value, path } of entries) {
    const earlier = first.get(value);
    if (earlier === undefined) first.set(value, path);
    else found.push({ path, message: `duplicate ${what} "${value}" (first at ${formatPath(earlier)})` });
  }
  return found;
};

const sameSource = (a: PlanTemplate['sources'][number], b: PlanTemplate['sources'][number]): boolean =>
  a.title === b.title && a.author === b.author && a.date === b.date;

const figureFindings = (section: SectionTemplate, at: Path): Finding[] => {
  const found = duplicates(
    section.figures.map((f, i) => ({ value: f.key, path: [...at, 'figures', i, 'key'] })),
    'figure key',
  );
  const byKey = new Map(section.figures.map((f) => [f.key, f]));
  section.figures.forEach((figure, i) => {
    if (figure.kind !== 'share') return;
    for (const side of ['numeratorKey', 'denominatorKey'] as const) {
      const target = byKey.get(figure[side]);
      const path = [...at, 'figures', i, side];
      if (target === undefined)
        found.push({ path, message: `no figure "${figure[side]}" in section "${section.key}"` });
      else if (target.kind !== 'entered')
        found.push({ path, message: `"${figure[side]}" is a share; a share must divide entered figures` });
    }
    if (figure.numeratorKey === figure.denominatorKey)
      found.push({
        path: [...at, 'figures', i, 'denominatorKey'],
        message: 'a share cannot divide a figure by itself',
      });
  });
  section.promptQuestions.forEach((question, q) => {
    const keys = question.figureKeys ?? [];
    found.push(
      ...duplicates(
        keys.map((k, j) => ({ value: k, path: [...at, 'promptQuestions', q, 'figureKeys', j] })),
        'figure key',
      ),
    );
    keys.forEach((k, j) => {
      if (!byKey.has(k))
        found.push({
          path: [...at, 'promptQuestions', q, 'figureKeys', j],
          message: `no figure "${k}" in section "${section.key}"`,
        });
    });
  });
  return found;
};

const planTemplateFindings = (t: PlanTemplate): Finding[] => {
  const found: Finding[] = [
    ...duplicates(
      t.sections.map((s, i) => ({ value: s.key, path: ['sections', i, 'key'] })),
      'section key',
    ),
    ...duplicates(
      t.sections.flatMap((s, i) =>
        s.promptQuestions.map((q, j) => ({ value: q.id, path: ['sections', i, 'promptQuestions', j, 'id'] })),
      ),
      'question id',
    ),
    ...duplicates(
      t.sections.flatMap((s, i) =>
        s.theme === undefined ? [] : [{ value: String(s.theme), path: ['sections', i, 'theme'] }],
      ),
      'theme',
    ),
    ...duplicates(
      t.requiredSteps.map((s, i) => ({ value: s.key, path: ['requiredSteps', i, 'key'] })),
      'required step',
    ),
    ...t.sections.flatMap((s, i) => figureFindings(s, ['sections', i])),
  ];
  if (t.pageBudget.minPages > t.pageBudget.maxPages)
    found.push({ path: ['pageBudget', 'minPages'], message: 'minPages is greater than maxPages' });

  const cited: { source: PlanTemplate['sources'][number]; path: Path }[] = [
    { source: t.pageBudget.source, path: ['pageBudget', 'source'] },
    { source: t.submission.source, path: ['submission', 'source'] },
    ...t.requiredSteps.map((s, i) => ({ source: s.source, path: ['requiredSteps', i, 'source'] })),
    ...t.sections.flatMap((s, i) =>
      s.promptQuestions.map((q, j) => ({
        source: q.source,
        path: ['sections', i, 'promptQuestions', j, 'source'],
      })),
    ),
  ];
  for (const { source, path } of cited)
    if (!t.sources.some((listed) => sameSource(listed, source)))
      found.push({ path, message: `source "${source.title}" (${source.date}) is not listed in sources` });
  return found;
};

const reportFormatFindings = (f: ReportFormat): Finding[] => {
  const roleKeys = new Set(f.roles.map((r) => r.key));
  const implicationKeys = new Set(f.implications.headings.map((h) => h.key));
  const hasRole = (role: string, path: Path, found: Finding[]): void => {
    if (!roleKeys.has(role)) found.push({ path, message: `role "${role}" is not defined in roles` });
  };

  const found: Finding[] = [
    ...duplicates(
      f.roles.map((r, i) => ({ value: r.key, path: ['roles', i, 'key'] })),
      'role key',
    ),
    ...duplicates(
      f.headerFields.map((h, i) => ({ value: h.key, path: ['headerFields', i, 'key'] })),
      'header field key',
    ),
    // Headings, implications and appendices share one namespace because the outline keys them together.
    ...duplicates(
      [
        ...f.headings.map((h, i) => ({ value: h.key, path: ['headings', i, 'key'] })),
        ...f.implications.headings.map((h, i) => ({
          value: h.key,
          path: ['implications', 'headings', i, 'key'],
        })),
        ...f.appendices.map((a, i) => ({ value: a.key, path: ['appendices', i, 'key'] })),
      ],
      'heading, implication or appendix key',
    ),
    ...duplicates(
      f.authorisation.roles.map((r, i) => ({ value: r, path: ['authorisation', 'roles', i] })),
      'authorisation role',
    ),
    ...duplicates(
      (f.authorisation.rows ?? []).map((r, i) => ({
        value: r.role,
        path: ['authorisation', 'rows', i, 'role'],
      })),
      'authorisation role',
    ),
    ...duplicates(
      f.approvalChain.map((s, i) => ({ value: s.key, path: ['approvalChain', i, 'key'] })),
      'approval stage key',
    ),
  ];

  f.roles.forEach((r, i) => {
    if (r.key === IMPLICATION_OFFICERS)
      found.push({
        path: ['roles', i, 'key'],
        message: `"${IMPLICATION_OFFICERS}" is reserved for the approval chain`,
      });
  });

  f.headerFields.forEach((h, i) => {
    if (h.type === 'choice' && (h.choices === undefined || h.choices.length === 0))
      found.push({
        path: ['headerFields', i, 'choices'],
        message: 'a choice field needs at least one choice',
      });
    if (h.type !== 'choice' && h.choices !== undefined)
      found.push({
        path: ['headerFields', i, 'choices'],
        message: `choices are only for a choice field, not ${h.type}`,
      });
    if (h.defaultRole !== undefined) hasRole(h.defaultRole, ['headerFields', i, 'defaultRole'], found);
  });

  // Where each implication appears: in the implicationKeys of a heading, or in the implications appendix.
  const placements = new Map<string, string[]>();
  const place = (implication: string, where: string): void => {
    placements.set(implication, [...(placements.get(implication) ?? []), where]);
  };
  f.headings.forEach((h, i) => {
    if (h.kind === 'implications' && (h.implicationKeys === undefined || h.implicationKeys.length === 0))
      found.push({
        path: ['headings', i, 'implicationKeys'],
        message: 'an implications heading must list the implications it holds',
      });
    if (h.kind !== 'implications' && h.implicationKeys !== undefined)
      found.push({
        path: ['headings', i, 'implicationKeys'],
        message: `only an implications heading holds implications, not ${h.kind}`,
      });
    (h.implicationKeys ?? []).forEach((k, j) => {
      const path: Path = ['headings', i, 'implicationKeys', j];
      if (!implicationKeys.has(k))
        found.push({ path, message: `no implication "${k}" in implications.headings` });
      else place(k, formatPath(path));
    });
  });
  const appendixIndexes = f.appendices.flatMap((a, i) => (a.content === 'implications' ? [i] : []));
  appendixIndexes.slice(1).forEach((i) => {
    found.push({
      path: ['appendices', i, 'content'],
      message: 'only one appendix can hold the implications',
    });
  });
  const implicationsAppendix = appendixIndexes[0];
  if (implicationsAppendix !== undefined)
    for (const k of implicationKeys) place(k, formatPath(['appendices', implicationsAppendix]));
  f.implications.headings.forEach((h, i) => {
    const where = placements.get(h.key) ?? [];
    if (where.length === 0)
      found.push({
        path: ['implications', 'headings', i],
        message: `implication "${h.key}" appears in no heading or appendix`,
      });
    if (where.length > 1)
      found.push({
        path: ['implications', 'headings', i],
        message: `implication "${h.key}" appears more than once: ${where.join(', ')}`,
      });
    if (h.completedByRole !== undefined)
      hasRole(h.completedByRole, ['implications', 'headings', i, 'completedByRole'], found);
  });
  const inAppendix = implicationsAppendix !== undefined;
  if ((f.implications.presentation === 'appendix') !== inAppendix)
    found.push({
      path: ['implications', 'presentation'],
      message: inAppendix
        ? `"${f.implications.presentation}" does not match the implications appendix; use "appendix"`
        : '"appendix" needs an appendix whose content is "implications"',
    });

  f.headings.forEach((h, i) => {
    if (h.kind === 'appendices' && f.headings.findIndex((other) => other.kind === 'appendices') !== i)
      found.push({ path: ['headings', i, 'kind'], message: 'only one heading can list the appendices' });
  });

  f.authorisation.roles.forEach((r, i) => hasRole(r, ['authorisation', 'roles', i], found));
  (f.authorisation.rows ?? []).forEach((r, i) =>
    hasRole(r.role, ['authorisation', 'rows', i, 'role'], found),
  );

  const anyOfficerNamed = f.implications.headings.some((h) => h.completedByRole !== undefined);
  f.approvalChain.forEach((stage, i) => {
    found.push(
      ...duplicates(
        stage.approverRoles.map((r, j) => ({ value: r, path: ['approvalChain', i, 'approverRoles', j] })),
        'approver role',
      ),
    );
    stage.approverRoles.forEach((r, j) => {
      const path: Path = ['approvalChain', i, 'approverRoles', j];
      if (r === IMPLICATION_OFFICERS) {
        if (!anyOfficerNamed)
          found.push({
            path,
            message: 'no implication names a completedByRole, so this stage would have no approvers',
          });
      } else hasRole(r, path, found);
    });
    stage.mandatoryRoles.forEach((r, j) => {
      if (!stage.approverRoles.includes(r))
        found.push({
          path: ['approvalChain', i, 'mandatoryRoles', j],
          message: `mandatory role "${r}" is not one of the approverRoles`,
        });
    });
    if (stage.kind === 'decision' && stage.approverRoles.length > 0)
      found.push({
        path: ['approvalChain', i, 'approverRoles'],
        message: 'a decision stage has no approvers: the plan lead records the decision',
      });
    if (stage.kind !== 'decision' && stage.approverRoles.length === 0)
      found.push({
        path: ['approvalChain', i, 'approverRoles'],
        message: `a ${stage.kind} stage needs at least one approver role`,
      });
    found.push(...coverFindings(f, stage, ['approvalChain', i]));
  });
  found.push(
    ...governanceFindings(f),
    ...headerFieldFindings(f),
    ...headingFindings(f),
    ...decisionFindings(f),
    ...timelineRuleFindings(f),
  );
  if (f.implications.tableColumns !== undefined && f.implications.presentation !== 'table')
    found.push({
      path: ['implications', 'tableColumns'],
      message: `column headings are for the "table" presentation, not "${f.implications.presentation}"`,
    });
  return found;
};

/**
 * `covers` belongs to `reopens: 'sections'` and names sections that exist: "implications.<key>" and
 * "report.<heading key>" are checked here; any other key names a plan template's section, checked when a
 * plan is made from the two.
 */
const coverFindings = (
  f: ReportFormat,
  stage: ReportFormat['approvalChain'][number],
  at: Path,
): Finding[] => {
  const found: Finding[] = [];
  const covers = stage.covers ?? [];
  if (stage.reopens === 'sections' && covers.length === 0)
    found.push({
      path: [...at, 'covers'],
      message: 'reopens "sections" needs the section keys it covers',
    });
  if (stage.reopens !== 'sections' && stage.covers !== undefined)
    found.push({
      path: [...at, 'covers'],
      message: 'covers is only for reopens "sections"',
    });
  found.push(
    ...duplicates(
      covers.map((c, j) => ({ value: c, path: [...at, 'covers', j] })),
      'covered section',
    ),
  );
  covers.forEach((c, j) => {
    const [part, ...rest] = c.split('.');
    const key = rest.join('.');
    if (part === 'implications' && !f.implications.headings.some((h) => h.key === key))
      found.push({ path: [...at, 'covers', j], message: `no implication "${key}" in this format` });
    if (part === 'report' && !f.headings.some((h) => h.key === key))
      found.push({ path: [...at, 'covers', j], message: `no heading "${key}" in this format` });
  });
  return found;
};

const committeeOnly = (f: ReportFormat): boolean => f.governance?.model === 'committee';

const governanceFindings = (f: ReportFormat): Finding[] => {
  const g = f.governance;
  if (g === undefined) return [];
  const found: Finding[] = [];
  if (g.model === 'committee') {
    if (g.keyDecision !== undefined)
      found.push({
        path: ['governance', 'keyDecision'],
        message: 'key decisions belong to executive arrangements; a committee-system council takes none',
      });
    if (g.callIn !== undefined)
      found.push({
        path: ['governance', 'callIn'],
        message: 'committee decisions are not called in; remove callIn',
      });
    f.roles.forEach((r, i) => {
      if (r.key === PORTFOLIO_HOLDER_ROLE)
        found.push({
          path: ['roles', i, 'key'],
          message: `a committee-system council has no portfolio holder ("${PORTFOLIO_HOLDER_ROLE}")`,
        });
    });
  }
  const keyDecision = g.keyDecision;
  if (keyDecision !== undefined && keyDecision.mode !== 'per-plan' && keyDecision.default !== undefined)
    found.push({
      path: ['governance', 'keyDecision', 'default'],
      message: `a default is only for "per-plan"; "${keyDecision.mode}" fixes the value`,
    });
  if (g.callIn?.appliesTo === 'none' && g.callIn.urgency !== undefined)
    found.push({
      path: ['governance', 'callIn', 'urgency'],
      message: 'urgency lets a decision skip call-in, but appliesTo is "none"',
    });
  return found;
};

const headerFieldFindings = (f: ReportFormat): Finding[] => {
  const found: Finding[] = [];
  const hasSummary = f.headings.some((h) => h.kind === 'summary');
  const bound = f.headerFields.flatMap((h, i) => (h.binds === undefined ? [] : [i]));
  bound
    .slice(1)
    .forEach((i) =>
      found.push({ path: ['headerFields', i, 'binds'], message: 'only one field can show the key decision' }),
    );
  f.headerFields.forEach((h, i) => {
    const at = (key: string): Path => ['headerFields', i, key];
    if (h.binds === 'key-decision') {
      if (h.type !== 'boolean')
        found.push({
          path: at('binds'),
          message: `the key decision is yes or no: make the field boolean, not ${h.type}`,
        });
      if (committeeOnly(f))
        found.push({ path: at('binds'), message: 'a committee-system council has no key decision to show' });
    }
    if (h.position === 'after-summary' && !hasSummary)
      found.push({ path: at('position'), message: 'there is no summary heading to follow' });
    if (h.display === 'banner') {
      if (h.type !== 'choice' && h.type !== 'text')
        found.push({ path: at('display'), message: `a banner line is text or a choice, not ${h.type}` });
      if (h.position === 'after-summary')
        found.push({
          path: at('position'),
          message: 'a banner line is printed above the title, not after the summary',
        });
    }
    if (h.show !== undefined) {
      if (h.type !== 'person')
        found.push({
          path: at('show'),
          message: `what to show about a person is for a person field, not ${h.type}`,
        });
      if (h.show.length === 0) found.push({ path: at('show'), message: 'show at least the name' });
      found.push(
        ...duplicates(
          h.show.map((d, j) => ({ value: d, path: ['headerFields', i, 'show', j] })),
          'detail',
        ),
      );
    }
  });
  return found;
};

const headingFindings = (f: ReportFormat): Finding[] => {
  const found: Finding[] = [];
  const glossaries = f.headings.flatMap((h, i) => (h.kind === 'glossary' ? [i] : []));
  glossaries
    .slice(1)
    .forEach((i) =>
      found.push({ path: ['headings', i, 'kind'], message: 'only one heading can be the glossary' }),
    );
  f.headings.forEach((h, i) => {
    const n = h.numbering;
    const at = (...rest: (string | number)[]): Path => ['headings', i, ...rest];
    if (n?.style !== undefined && !h.numbered)
      found.push({
        path: at('numbering', 'style'),
        message: 'the style labels a numbered heading; this one is not numbered',
      });
    if (n?.restart !== undefined && !h.numbered)
      found.push({
        path: at('numbering', 'restart'),
        message: 'only a numbered heading can restart the numbering',
      });
    if (n?.paragraphStyle !== undefined && n.paragraphs !== 'list')
      found.push({
        path: at('numbering', 'paragraphStyle'),
        message: 'a paragraph style is for paragraphs: "list"',
      });
    if (n?.paragraphs === 'within-heading' && !h.numbered)
      found.push({
        path: at('numbering', 'paragraphs'),
        message: 'paragraphs numbered within the heading need a numbered heading (2.1, 2.2)',
      });
    if (h.kind === 'glossary') {
      if (h.terms === undefined || h.terms.length === 0)
        found.push({ path: at('terms'), message: 'a glossary needs at least one term' });
      found.push(
        ...duplicates(
          (h.terms ?? []).map((t, j) => ({
            value: t.term.trim().toLowerCase(),
            path: at('terms', j, 'term'),
          })),
          'glossary term',
        ),
      );
    } else if (h.terms !== undefined)
      found.push({ path: at('terms'), message: `only a glossary heading has terms, not ${h.kind}` });
  });
  return found;
};

const decisionFindings = (f: ReportFormat): Finding[] => {
  const found: Finding[] = [];
  const model = f.governance?.model ?? 'executive';
  const steps = inferredSteps(f.approvalChain, model);
  for (const kind of ['management-team', 'portfolio-holder'] as const) {
    const at = steps.flatMap((s, i) => (s === kind ? [i] : []));
    at.slice(1).forEach((i) =>
      found.push({
        path: ['approvalChain', i, 'timelineStep'],
        message: `only one stage can be the ${kind} step (the first is approvalChain[${at[0]}]); set timelineStep "none" on the others`,
      }),
    );
  }
  f.approvalChain.forEach((stage, i) => {
    const at = (key: string): Path => ['approvalChain', i, key];
    if (stage.kind !== 'decision') {
      for (const key of ['outcomes', 'publishableOutcomes', 'decisionBody'] as const)
        if (stage[key] !== undefined)
          found.push({ path: at(key), message: `only a decision stage has ${key}, not a ${stage.kind}` });
      if (stage.timelineStep === 'portfolio-holder' && model === 'committee')
        found.push({
          path: at('timelineStep'),
          message: 'a committee-system council has no portfolio holder',
        });
      return;
    }
    if (stage.timelineStep !== undefined)
      found.push({
        path: at('timelineStep'),
        message: 'a decision stage is the meeting itself, not a step before it',
      });
    const outcomes = stage.outcomes ?? DEFAULT_OUTCOMES;
    if (stage.outcomes !== undefined) {
      if (stage.outcomes.length === 0)
        found.push({ path: at('outcomes'), message: 'allow at least one outcome' });
      found.push(
        ...duplicates(
          stage.outcomes.map((o, j) => ({ value: o, path: ['approvalChain', i, 'outcomes', j] })),
          'outcome',
        ),
      );
    }
    const publishable = stage.publishableOutcomes;
    if (publishable !== undefined) {
      if (publishable.length === 0)
        found.push({
          path: at('publishableOutcomes'),
          message: 'at least one outcome must let the plan be published',
        });
      found.push(
        ...duplicates(
          publishable.map((o, j) => ({ value: o, path: ['approvalChain', i, 'publishableOutcomes', j] })),
          'outcome',
        ),
      );
      publishable.forEach((o, j) => {
        const path: Path = ['approvalChain', i, 'publishableOutcomes', j];
        if (NEVER_PUBLISHABLE.includes(o))
          found.push({ path, message: `"${o}" can never let the plan be published` });
        else if (!outcomes.includes(o))
          found.push({ path, message: `"${o}" is not one of the stage's outcomes (${outcomes.join(', ')})` });
      });
    } else if (!outcomes.some((o) => o === 'approved' || o === 'approved-with-amendments'))
      found.push({
        path: at('publishableOutcomes'),
        message:
          'missing: none of the outcomes is approved or approved with amendments, so say which publish',
      });
  });
  return found;
};

const timelineRuleFindings = (f: ReportFormat): Finding[] => {
  const rules = f.timelineRules;
  if (rules === undefined) return [];
  const found: Finding[] = [];
  const never = (key: string, why: string): void => {
    if ((rules as Record<string, unknown>)[key] !== undefined)
      found.push({ path: ['timelineRules', key], message: `${why}, so this rule would never apply` });
  };
  if (committeeOnly(f)) {
    never('keyDecisionNotice', 'a committee-system council has no forward plan of key decisions');
    never('callIn', 'committee decisions are not called in');
    never('decisionNotice', 'committee decisions are minuted, not published in an executive decision notice');
    never('portfolioHolderSignOff', 'a committee-system council has no portfolio holder');
  } else {
    if (f.governance?.callIn?.appliesTo === 'none') never('callIn', 'call-in applies to no decision');
    if (f.governance?.keyDecision?.mode === 'never')
      never('keyDecisionNotice', 'the plan is never a key decision');
  }
  const stages = new Map(f.approvalChain.map((s) => [s.key, s]));
  for (const key of Object.keys(rules.stages ?? {})) {
    const stage = stages.get(key);
    if (stage === undefined)
      found.push({ path: ['timelineRules', 'stages', key], message: `no stage "${key}" in approvalChain` });
    else if (stage.kind === 'decision')
      found.push({
        path: ['timelineRules', 'stages', key],
        message: 'the decision stage is the meeting itself; lead times are for the stages before it',
      });
  }
  return found;
};

const withFindings =
  <T>(findings: (value: T) => Finding[]) =>
  (value: T, ctx: z.RefinementCtx): void => {
    for (const { path, message } of findings(value))
      ctx.addIssue({ code: 'custom', path: [...path], message });
  };

export const planTemplateSchema = planTemplateShape.superRefine(withFindings(planTemplateFindings));
export const reportFormatSchema = reportFormatShape.superRefine(withFindings(reportFormatFindings));

// ---------------------------------------------------------------------------------------------------------
// Problems as plain data

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/** `sections[3].promptQuestions[0].text`; the empty path (the whole file) reads "(root)". */
export const formatPath = (path: readonly PropertyKey[]): string => {
  const text = path
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const name = String(segment);
      if (!IDENTIFIER.test(name)) return `[${JSON.stringify(name)}]`;
      return i === 0 ? name : `.${name}`;
    })
    .join('');
  return text === '' ? '(root)' : text;
};

export const problemsFromIssues = (issues: readonly z.core.$ZodIssue[]): TemplateProblem[] =>
  issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((k) => ({ path: formatPath([...issue.path, k]), message: 'unknown key' }))
      : [{ path: formatPath(issue.path), message: issue.message }],
  );

const check =
  <T>(schema: z.ZodType<T>) =>
  (value: unknown): TemplateCheck<T> => {
    const parsed = schema.safeParse(value);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, error: problemsFromIssues(parsed.error.issues) };
  };

/** Validates a parsed plan template; every problem is reported, each with its path. */
export const checkPlanTemplate: (value: unknown) => TemplateCheck<PlanTemplate> = check(planTemplateSchema);
/** Validates a parsed report format; every problem is reported, each with its path. */
export const checkReportFormat: (value: unknown) => TemplateCheck<ReportFormat> = check(reportFormatSchema);

// ---------------------------------------------------------------------------------------------------------
// Compile-time proof that the schemas and the domain types describe the same data, field for field:
// a missing, extra, renamed or retyped field (optional or not) fails type checking here.

type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Plain<T[K]> }
    : T;
type Same<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

const _planTemplateMatches: Same<Plain<z.output<typeof planTemplateSchema>>, Plain<PlanTemplate>> = true;
const _reportFormatMatches: Same<Plain<z.output<typeof reportFormatSchema>>, Plain<ReportFormat>> = true;
const _planTemplateAssignable: z.ZodType<PlanTemplate> = planTemplateSchema;
const _reportFormatAssignable: z.ZodType<ReportFormat> = reportFormatSchema;
