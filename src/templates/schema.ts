/**
 * Schemas for the template data files. They mirror src/domain/templates/template.ts and src/domain/templates/report-format.ts
 * exactly (checked at compile time at the bottom of this file), reject unknown keys, and add the checks
 * that span several fields: references between keys, uniqueness, and where each implication appears.
 */
import { z } from 'zod';
import type { PlanTemplate, SectionTemplate } from '../domain/templates/template.js';
import type { ReportFormat } from '../domain/templates/report-format.js';
import type { Result } from '../domain/support/result.js';

/** One thing wrong with a data file, located by a path such as `sections[3].promptQuestions[0].text`. */
export interface TemplateProblem {
  readonly path: string;
  readonly message: string;
}

/** The outcome of checking parsed data: the typed value, or every problem found. */
export type TemplateCheck<T> = Result<T, readonly TemplateProblem[]>;

/** The approver role that stands for "the officers named against the implications". */
export const IMPLICATION_OFFICERS = 'implication-officers';

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

const reportFormatShape = object({
  id: key(),
  council: text(),
  name: text(),
  decisionBody: text(),
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
      ]),
      numbered: bool(),
      guidance: text().optional(),
      implicationKeys: list(key()).optional(),
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
      }),
    ),
  }),
  authorisation: object({ title: text(), roles: list(key()), description: text().optional() }),
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
  });
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
