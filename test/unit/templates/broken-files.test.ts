import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkPlanTemplate,
  checkReportFormat,
  loadCatalog,
  loadPlanTemplate,
  loadReportFormat,
} from '../../../src/templates/index.js';
import type { TemplateProblem } from '../../../src/templates/index.js';
import { setAt, shippedJson, tempFolder, thrownBy } from './temp-files.js';

const write = tempFolder('broken-');
const writeCatalog = tempFolder('catalog-');
const PLAN = ['plan-templates', 'dluhc-productivity-plan-2024.json'] as const;
const plan = () => shippedJson(...PLAN);
const format = (name = 'barking-and-dagenham.json') => shippedJson('report-formats', name);

type Change = readonly [path: readonly (string | number)[], value: unknown];
const broken = (value: Record<string, unknown>, ...changes: Change[]): Record<string, unknown> => {
  for (const [at, v] of changes) setAt(value, at, v);
  return value;
};

/** Writes the value, loads it, and returns the error the loader threw. */
const failureOf = (name: string, value: unknown, load: (file: string) => unknown) => {
  const file = write(name, JSON.stringify(value, null, 2));
  return { file, error: thrownBy(() => load(file)) };
};

const expectProblem = (
  problems: readonly TemplateProblem[],
  path: string,
  message: string | RegExp,
): void => {
  const found = problems.filter((p) => p.path === path);
  expect(found, `a problem at ${path} among ${JSON.stringify(problems)}`).toHaveLength(1);
  expect(found[0]?.message).toMatch(message);
};

describe('a broken file', () => {
  it('invalid JSON: names the file and the line and column where parsing stopped', () => {
    const good = JSON.stringify(plan(), null, 2);
    const text = good.replace('"version": 1,', '"version": 1');
    const line = text.split('\n').findIndex((l) => l.includes('"name"')) + 1;
    const file = write('invalid.json', text);
    const error = thrownBy(() => loadPlanTemplate(file));
    expect(error.code).toBe('TEMPLATE_INVALID');
    expect(error.file).toBe(file);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.message).toMatch(
      new RegExp(`^invalid JSON at line ${line}, column 3 \\(position \\d+\\): \\S`),
    );
    expect(error.message).toContain(`${file}: (root): invalid JSON at line ${line}, column 3`);
  });

  it('invalid JSON: an empty file ends before it starts', () => {
    const file = write('empty.json', '');
    expect(thrownBy(() => loadReportFormat(file)).message).toBe(
      `${file}: (root): invalid JSON at line 1, column 1 (position 0): Unexpected end of JSON input`,
    );
  });

  it('a byte-order mark from a Windows editor is not an error', () => {
    const file = write('bom.json', `\uFEFF${JSON.stringify(plan())}`);
    expect(loadPlanTemplate(file).id).toBe('dluhc-productivity-plan-2024');
  });

  it('wrong type deep in an array: names the path and what was expected', () => {
    const { file, error } = failureOf(
      'deep.json',
      broken(plan(), [['sections', 3, 'promptQuestions', 0, 'text'], 42]),
      loadPlanTemplate,
    );
    expect(error.problems).toEqual([
      {
        path: 'sections[3].promptQuestions[0].text',
        message: 'expected a non-empty string, received number 42',
      },
    ]);
    expect(error.message).toBe(
      `${file}: sections[3].promptQuestions[0].text: expected a non-empty string, received number 42`,
    );
  });

  it('unknown key: names the key at its path', () => {
    const value = format();
    setAt(value, ['headings', 2, 'colour'], 'red');
    const { file, error } = failureOf('unknown-key.json', value, loadReportFormat);
    expect(error.problems).toEqual([{ path: 'headings[2].colour', message: 'unknown key' }]);
    expect(error.message).toBe(`${file}: headings[2].colour: unknown key`);
  });

  it('dangling role: an approval stage names a role the format does not define', () => {
    const { file, error } = failureOf(
      'role.json',
      broken(format(), [['approvalChain', 2, 'approverRoles', 0], 'treasurer']),
      loadReportFormat,
    );
    expect(error.message).toBe(
      `${file}: approvalChain[2].approverRoles[0]: role "treasurer" is not defined in roles`,
    );
  });

  it('dangling figureKey: a question names a figure its section does not have', () => {
    const value = plan();
    setAt(value, ['sections', 4, 'promptQuestions', 3, 'figureKeys', 0], 'agency-spnd');
    const { file, error } = failureOf('figure.json', value, loadPlanTemplate);
    expect(error.message).toBe(
      `${file}: sections[4].promptQuestions[3].figureKeys[0]: no figure "agency-spnd" in section "theme-3-reducing-waste"`,
    );
  });

  it('duplicate question id: points at the second and back at the first', () => {
    const { file, error } = failureOf(
      'dup.json',
      broken(plan(), [['sections', 3, 'promptQuestions', 1, 'id'], 't1.q1']),
      loadPlanTemplate,
    );
    expect(error.message).toBe(
      `${file}: sections[3].promptQuestions[1].id: duplicate question id "t1.q1" (first at sections[2].promptQuestions[0].id)`,
    );
  });

  it('reports every problem of the file at once', () => {
    const { error } = failureOf(
      'many.json',
      broken(
        plan(),
        [['version'], 0],
        [['sections', 0, 'kind'], 'preface'],
        [['submission', 'deadline'], '2024-02-30'],
      ),
      loadPlanTemplate,
    );
    expect(error.problems.map((p) => p.path).sort()).toEqual([
      'sections[0].kind',
      'submission.deadline',
      'version',
    ]);
    expect(error.message.split('\n')).toHaveLength(3);
  });

  it('a file that cannot be read is an error of the same type with its own code', () => {
    const error = thrownBy(() => loadPlanTemplate('/nonexistent/plan.json'));
    expect(error.code).toBe('TEMPLATE_UNREADABLE');
    expect(error.file).toBe('/nonexistent/plan.json');
    expect(error.message).toMatch(/^\/nonexistent\/plan\.json: \(root\): cannot read the file: .*ENOENT/);
  });
});

describe('plan template checks', () => {
  const problemsOf = (...changes: Change[]) => {
    const result = checkPlanTemplate(broken(plan(), ...changes));
    return result.ok ? [] : result.error;
  };

  it.each<[string, Change[], string, string | RegExp]>([
    [
      'missing key',
      [[['sections', 1, 'guidance'], undefined]],
      'sections[1].guidance',
      'missing: expected a non-empty string',
    ],
    ['blank string', [[['name'], '   ']], 'name', 'expected a non-empty string'],
    ['impossible date', [[['submission', 'deadline'], '2024-02-30']], 'submission.deadline', /ISO date/],
    ['non-ISO date', [[['sources', 0, 'date'], '16/04/2024']], 'sources[0].date', /ISO date/],
    [
      'zero word budget',
      [[['sections', 2, 'wordBudget'], 0]],
      'sections[2].wordBudget',
      'expected a positive whole number',
    ],
    [
      'negative pages',
      [[['pageBudget', 'minPages'], -3]],
      'pageBudget.minPages',
      'expected a positive whole number',
    ],
    ['fractional version', [[['version'], 1.5]], 'version', /positive whole number, received number 1.5/],
    [
      'unknown unit',
      [[['sections', 4, 'figures', 0, 'unit'], 'percent']],
      'sections[4].figures[0].unit',
      /one of "currency-gbp"/,
    ],
    [
      'unknown figure kind',
      [[['sections', 4, 'figures', 0, 'kind'], 'typed']],
      'sections[4].figures[0].kind',
      /"entered" or "share"/,
    ],
    ['bad key alphabet', [[['sections', 0, 'key'], 'Fore word']], 'sections[0].key', /lower-case letters/],
    [
      'duplicate section key',
      [[['sections', 1, 'key'], 'foreword']],
      'sections[1].key',
      'duplicate section key "foreword" (first at sections[0].key)',
    ],
    ['duplicate theme', [[['sections', 3, 'theme'], 1]], 'sections[3].theme', /duplicate theme "1"/],
    [
      'pages the wrong way round',
      [[['pageBudget', 'minPages'], 5]],
      'pageBudget.minPages',
      'minPages is greater than maxPages',
    ],
    [
      'share of a share',
      [[['sections', 4, 'figures', 9, 'denominatorKey'], 'consultant-share']],
      'sections[4].figures[9].denominatorKey',
      /is a share/,
    ],
    [
      'share of a missing figure',
      [[['sections', 4, 'figures', 9, 'numeratorKey'], 'temp-spend']],
      'sections[4].figures[9].numeratorKey',
      'no figure "temp-spend" in section "theme-3-reducing-waste"',
    ],
    [
      'share of itself',
      [[['sections', 4, 'figures', 9, 'numeratorKey'], 'staff-budget']],
      'sections[4].figures[9].denominatorKey',
      /by itself/,
    ],
    [
      'figure of another section',
      [[['sections', 5, 'promptQuestions', 0, 'figureKeys'], ['pay-bill']]],
      'sections[5].promptQuestions[0].figureKeys[0]',
      /no figure "pay-bill" in section "theme-4-barriers"/,
    ],
    [
      'source not listed',
      [[['sections', 2, 'promptQuestions', 0, 'source', 'date'], '2024-04-17']],
      'sections[2].promptQuestions[0].source',
      /not listed in sources/,
    ],
    [
      'duplicate required step',
      [[['requiredSteps', 1, 'key'], 'submission']],
      'requiredSteps[2].key',
      /duplicate required step "submission"/,
    ],
  ])('%s', (_name, changes, path, message) => {
    expectProblem(problemsOf(...changes), path, message);
  });

  it('accepts the shipped template unchanged', () => {
    expect(checkPlanTemplate(plan())).toMatchObject({ ok: true });
  });
});

describe('report format checks', () => {
  const problemsOf = (name: string, ...changes: Change[]) => {
    const result = checkReportFormat(broken(format(name), ...changes));
    return result.ok ? [] : result.error;
  };
  const B = 'barking-and-dagenham.json';
  const D = 'durham.json';
  const S = 'sandwell.json';

  it.each<[string, string, Change[], string, string | RegExp]>([
    [
      'mandatory role not an approver',
      B,
      [[['approvalChain', 1, 'mandatoryRoles'], ['portfolio-holder']]],
      'approvalChain[1].mandatoryRoles[0]',
      'mandatory role "portfolio-holder" is not one of the approverRoles',
    ],
    [
      'quorum of zero',
      B,
      [[['approvalChain', 1, 'rule'], { kind: 'quorum', n: 0 }]],
      'approvalChain[1].rule.n',
      'expected a positive whole number',
    ],
    [
      'quorum without n',
      B,
      [[['approvalChain', 1, 'rule'], { kind: 'quorum' }]],
      'approvalChain[1].rule.n',
      /missing/,
    ],
    [
      'unknown rule',
      B,
      [[['approvalChain', 1, 'rule'], { kind: 'majority' }]],
      'approvalChain[1].rule.kind',
      /"all", "any" or "quorum"/,
    ],
    [
      'decision with approvers',
      B,
      [[['approvalChain', 3, 'approverRoles'], ['plan-lead']]],
      'approvalChain[3].approverRoles',
      /decision stage has no approvers/,
    ],
    [
      'sign-off without approvers',
      S,
      [[['approvalChain', 1, 'approverRoles'], []]],
      'approvalChain[1].approverRoles',
      /needs at least one approver/,
    ],
    [
      'implication key missing',
      B,
      [[['headings', 8, 'implicationKeys', 0], 'risks']],
      'headings[8].implicationKeys[0]',
      'no implication "risks" in implications.headings',
    ],
    [
      'implication held twice',
      B,
      [[['headings', 8, 'implicationKeys', 0], 'legal']],
      'implications.headings[1]',
      /"legal" appears more than once: headings\[7\]\.implicationKeys\[0\], headings\[8\]\.implicationKeys\[0\]/,
    ],
    [
      'implication held nowhere',
      S,
      [[['headings', 5, 'implicationKeys'], ['resources']]],
      'implications.headings[1]',
      'implication "legal-and-governance" appears in no heading or appendix',
    ],
    [
      'implication in a heading and the appendix',
      D,
      [
        [['headings', 0, 'kind'], 'implications'],
        [['headings', 0, 'implicationKeys'], ['risk']],
      ],
      'implications.headings[9]',
      /more than once: headings\[0\]\.implicationKeys\[0\], appendices\[0\]/,
    ],
    [
      'appendix presentation without the appendix',
      B,
      [[['implications', 'presentation'], 'appendix']],
      'implications.presentation',
      /needs an appendix whose content is "implications"/,
    ],
    [
      'implications heading holding none',
      S,
      [[['headings', 5, 'implicationKeys'], undefined]],
      'headings[5].implicationKeys',
      /must list the implications/,
    ],
    [
      'implications held by a narrative heading',
      B,
      [[['headings', 3, 'implicationKeys'], ['risk-management']]],
      'headings[3].implicationKeys',
      /only an implications heading/,
    ],
    [
      'completing officer undefined',
      B,
      [[['implications', 'headings', 0, 'completedByRole'], 'treasurer']],
      'implications.headings[0].completedByRole',
      'role "treasurer" is not defined in roles',
    ],
    [
      'authorisation role undefined',
      D,
      [[['authorisation', 'roles', 0], 'treasurer']],
      'authorisation.roles[0]',
      /role "treasurer"/,
    ],
    [
      'header field default role undefined',
      S,
      [[['headerFields', 2, 'defaultRole'], 'leader']],
      'headerFields[2].defaultRole',
      /role "leader"/,
    ],
    [
      'choice field without choices',
      B,
      [[['headerFields', 3, 'choices'], undefined]],
      'headerFields[3].choices',
      /needs at least one choice/,
    ],
    [
      'choices on a text field',
      B,
      [[['headerFields', 1, 'choices'], ['A']]],
      'headerFields[1].choices',
      /only for a choice field/,
    ],
    [
      'duplicate role',
      D,
      [[['roles', 1, 'key'], 'plan-lead']],
      'roles[1].key',
      /duplicate role key "plan-lead"/,
    ],
    ['reserved role', D, [[['roles', 0, 'key'], 'implication-officers']], 'roles[0].key', /reserved/],
    [
      'key shared by a heading and an appendix',
      S,
      [[['appendices', 0, 'key'], 'recommendations']],
      'appendices[0].key',
      /duplicate heading, implication or appendix key "recommendations"/,
    ],
    [
      'two appendices of implications',
      D,
      [[['appendices', 1, 'content'], 'implications']],
      'appendices[1].content',
      /only one appendix/,
    ],
    [
      'implication officers with none named',
      S,
      [
        [['implications', 'headings', 0, 'completedByRole'], undefined],
        [['implications', 'headings', 1, 'completedByRole'], undefined],
      ],
      'approvalChain[0].approverRoles[0]',
      /no implication names a completedByRole/,
    ],
    [
      'unknown header field type',
      S,
      [[['headerFields', 0, 'type'], 'datetime']],
      'headerFields[0].type',
      /one of "text"/,
    ],
  ])('%s (%s)', (_name, file, changes, path, message) => {
    expectProblem(problemsOf(file, ...changes), path, message);
  });

  it.each([B, D, S])('accepts the shipped %s unchanged', (name) => {
    expect(checkReportFormat(format(name))).toMatchObject({ ok: true });
  });
});

describe('the catalog', () => {
  it('refuses two files with one id, naming both', () => {
    const a = writeCatalog('a.json', JSON.stringify(format()));
    const b = writeCatalog('b.json', JSON.stringify(format()));
    const dir = path.dirname(a);
    const error = thrownBy(() => loadCatalog({ reportFormatsDir: dir }));
    expect(error.file).toBe(b);
    expect(error.message).toBe(`${b}: id: duplicate id "barking-and-dagenham-cabinet": ${a} has the same id`);
  });

  it('stops at the first broken file in a folder, naming it', () => {
    const error = thrownBy(() => loadCatalog({ planTemplatesDir: '/nonexistent-folder' }));
    expect(error.code).toBe('TEMPLATE_UNREADABLE');
    expect(error.file).toBe('/nonexistent-folder');
  });
});
