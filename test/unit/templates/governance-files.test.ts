/**
 * A report format that says something about its governance, numbering or layout that cannot be right is
 * refused when the file is loaded, with the file, the path in it and the problem: a committee council
 * with a call-in, an outcome its stage does not allow to publish, a banner that is a date, and so on.
 */
import { describe, expect, it } from 'vitest';
import { loadReportFormat } from '../../../src/templates/index.js';
import { setAt, shippedJson, tempFolder, thrownBy } from './temp-files.js';

const write = tempFolder('governance-');
type Change = readonly [path: readonly (string | number)[], value: unknown];

/** The shipped file with the changes made, loaded: the problems the loader names (file, path, message). */
function problemsOf(name: string, ...changes: Change[]): { file: string; lines: string[] } {
  const value = shippedJson('report-formats', name);
  for (const [at, v] of changes) setAt(value, at, v);
  const file = write(`${name}-${Math.random().toString(36).slice(2)}.json`, JSON.stringify(value, null, 2));
  const error = thrownBy(() => loadReportFormat(file));
  expect(error.code).toBe('TEMPLATE_INVALID');
  expect(error.file).toBe(file);
  return { file, lines: error.problems.map((p) => `${p.path}: ${p.message}`) };
}

const FENMARSH = 'fenmarsh.json';
const ASHCOMBE = 'ashcombe.json';

describe('governance', () => {
  it('refuses a committee-system council with a key decision or a call-in, at their paths', () => {
    const { lines } = problemsOf(FENMARSH, [
      ['governance'],
      { model: 'committee', keyDecision: { mode: 'per-plan' }, callIn: { appliesTo: 'all-decisions' } },
    ]);
    expect(lines).toEqual([
      'governance.keyDecision: key decisions belong to executive arrangements; a committee-system council takes none',
      'governance.callIn: committee decisions are not called in; remove callIn',
    ]);
  });

  it('refuses a committee council’s call-in rule and portfolio-holder step, which could never apply', () => {
    const { lines } = problemsOf(
      FENMARSH,
      [
        ['timelineRules', 'callIn'],
        (shippedJson('report-formats', ASHCOMBE)['timelineRules'] as Record<string, unknown>)['callIn'],
      ],
      [['approvalChain', 2, 'timelineStep'], 'portfolio-holder'],
    );
    expect(lines).toContain(
      'timelineRules.callIn: committee decisions are not called in, so this rule would never apply',
    );
    expect(lines).toContain(
      'approvalChain[2].timelineStep: a committee-system council has no portfolio holder',
    );
  });

  it('names an unknown governance model with what it expected', () => {
    expect(problemsOf(FENMARSH, [['governance', 'model'], 'mayoral']).lines).toEqual([
      'governance.model: expected one of "executive", "committee", received the string "mayoral"',
    ]);
  });

  it('refuses a default for a fixed key-decision setting, and urgency where nothing can be called in', () => {
    const { lines } = problemsOf(
      ASHCOMBE,
      [['governance', 'keyDecision'], { mode: 'always', default: false }],
      [['governance', 'callIn', 'appliesTo'], 'none'],
    );
    expect(lines).toContain(
      'governance.keyDecision.default: a default is only for "per-plan"; "always" fixes the value',
    );
    expect(lines).toContain(
      'governance.callIn.urgency: urgency lets a decision skip call-in, but appliesTo is "none"',
    );
    expect(lines).toContain(
      'timelineRules.callIn: call-in applies to no decision, so this rule would never apply',
    );
  });
});

describe('decision outcomes', () => {
  it('refuses a publishable outcome the stage does not allow, and one that can never publish', () => {
    const { lines } = problemsOf(ASHCOMBE, [
      ['approvalChain', 3, 'publishableOutcomes'],
      ['approved', 'deferred', 'noted-and-approved-for-publication'],
    ]);
    expect(lines).toEqual([
      'approvalChain[3].publishableOutcomes[0]: "approved" is not one of the stage\'s outcomes (noted-and-approved-for-publication, approved-with-amendments, noted, deferred, rejected)',
      'approvalChain[3].publishableOutcomes[1]: "deferred" can never let the plan be published',
    ]);
  });

  it('refuses an outcome that is not one, and outcomes on a stage that is not a decision', () => {
    const { lines } = problemsOf(
      ASHCOMBE,
      [['approvalChain', 3, 'outcomes', 0], 'adopted'],
      [['approvalChain', 1, 'outcomes'], ['approved']],
    );
    expect(lines).toContain(
      'approvalChain[3].outcomes[0]: expected one of "approved", "approved-with-amendments", "noted", "noted-and-approved-for-publication", "rejected", "deferred", received the string "adopted"',
    );
  });

  it('refuses outcomes on an endorsement stage', () => {
    expect(problemsOf(ASHCOMBE, [['approvalChain', 1, 'outcomes'], ['approved']]).lines).toEqual([
      'approvalChain[1].outcomes: only a decision stage has outcomes, not a endorsement',
    ]);
  });

  it('asks which outcomes publish when none of the listed ones is an approval', () => {
    const { lines } = problemsOf(
      ASHCOMBE,
      [
        ['approvalChain', 3, 'outcomes'],
        ['noted', 'deferred'],
      ],
      [['approvalChain', 3, 'publishableOutcomes'], undefined],
    );
    expect(lines).toEqual([
      'approvalChain[3].publishableOutcomes: missing: none of the outcomes is approved or approved with amendments, so say which publish',
    ]);
  });
});

describe('layout', () => {
  it('refuses a banner that is a date, and details of a person on a field that is not one', () => {
    const { lines } = problemsOf(
      ASHCOMBE,
      [['headerFields', 1, 'display'], 'banner'],
      [['headerFields', 2, 'show'], ['name']],
    );
    expect(lines).toEqual([
      'headerFields[1].display: a banner line is text or a choice, not date',
      'headerFields[2].show: what to show about a person is for a person field, not text',
    ]);
  });

  it('refuses the key decision on a field that is not yes or no', () => {
    expect(problemsOf(ASHCOMBE, [['headerFields', 7, 'binds'], 'key-decision']).lines).toEqual([
      'headerFields[7].binds: only one field can show the key decision',
      'headerFields[7].binds: the key decision is yes or no: make the field boolean, not text',
    ]);
  });

  it('refuses a lettered heading that is not numbered, and a list style on paragraphs that are not a list', () => {
    const { lines } = problemsOf(ASHCOMBE, [
      ['headings', 0, 'numbering'],
      { style: 'letter', paragraphs: 'within-heading', paragraphStyle: 'roman' },
    ]);
    expect(lines).toEqual([
      'headings[0].numbering.style: the style labels a numbered heading; this one is not numbered',
      'headings[0].numbering.paragraphStyle: a paragraph style is for paragraphs: "list"',
      'headings[0].numbering.paragraphs: paragraphs numbered within the heading need a numbered heading (2.1, 2.2)',
    ]);
  });

  it('names an unknown appendix label style', () => {
    expect(problemsOf(ASHCOMBE, [['appendixLabel', 'style'], 'roman']).lines).toEqual([
      'appendixLabel.style: expected one of "number", "letter", received the string "roman"',
    ]);
  });

  it('refuses an authorisation table with both rows and roles, or with no rows, or a row for a role nobody defined', () => {
    expect(problemsOf(ASHCOMBE, [['authorisation', 'roles'], ['chief-executive']]).lines).toEqual([
      'authorisation.rows: give roles or rows, not both',
    ]);
    expect(problemsOf(ASHCOMBE, [['authorisation', 'rows'], []]).lines).toEqual([
      'authorisation.rows: an authorisation table needs at least one row; leave authorisation out for none',
    ]);
    expect(problemsOf(ASHCOMBE, [['authorisation', 'rows', 1, 'role'], 'town-clerk']).lines).toEqual([
      'authorisation.rows[1].role: role "town-clerk" is not defined in roles',
    ]);
  });

  it('refuses column headings for implications that are not a table', () => {
    expect(
      problemsOf(ASHCOMBE, [['implications', 'tableColumns'], { implication: 'Issue', details: 'Detail' }])
        .lines,
    ).toEqual([
      'implications.tableColumns: column headings are for the "table" presentation, not "sections"',
    ]);
  });

  it('refuses a lead time for a stage the chain does not have, and one for the decision itself', () => {
    const rule = (
      shippedJson('report-formats', FENMARSH)['timelineRules'] as Record<string, Record<string, unknown>>
    )['stages']!['chair-briefing'];
    const { lines } = problemsOf(FENMARSH, [
      ['timelineRules', 'stages'],
      { 'leader-briefing': rule, 'committee-decision': rule },
    ]);
    expect(lines).toEqual([
      'timelineRules.stages.leader-briefing: no stage "leader-briefing" in approvalChain',
      'timelineRules.stages.committee-decision: the decision stage is the meeting itself; lead times are for the stages before it',
    ]);
  });

  it('names a period of the format’s own timeline rules that is not a whole number of days', () => {
    const { lines } = problemsOf(FENMARSH, [
      ['timelineRules', 'stages', 'chair-briefing', 'daysBeforeAgendaPublication'],
      1.5,
    ]);
    expect(lines).toEqual([
      'timelineRules.stages.chair-briefing.daysBeforeAgendaPublication: expected a whole number of days',
    ]);
  });
});
