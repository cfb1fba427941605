/**
 * Each council's assembled cover report, as its own report would read: headings, their numbers and the
 * numbers of the paragraphs under them, appendix labels, header rows (and banner lines), and the
 * authorisation table or its absence. Every expectation here is written by hand from the council's
 * format (and, for the three real councils, their 2024 reports in ../shared/seeds), not produced by the code.
 */
import { describe, expect, it } from 'vitest';
import { assembleDocument } from '../../../src/domain/documents/assemble-document.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import type { RichText } from '../../../src/domain/sections/rich-text.js';
import { outlineOf, type ReportOutline } from './outline-support.js';
import { at, formatById, names, signedOff, writtenPlan } from './support.js';
import { testPeople } from '../../support/fixtures/index.js';

/** Two paragraphs in every written section, so each heading shows how its paragraphs are numbered. */
const twoParagraphs = (key: string): RichText => [
  { type: 'paragraph', children: [{ type: 'text', text: `First paragraph of ${key}.` }] },
  { type: 'paragraph', children: [{ type: 'text', text: `Second paragraph of ${key}.` }] },
];

function reportOf(formatId: string, header: Readonly<Record<string, string>> = {}): ReportOutline {
  const format = formatById(formatId);
  let plan: Plan = writtenPlan({ format, contentFor: twoParagraphs });
  for (const [key, value] of Object.entries(header))
    plan = at(plan, { type: 'setHeaderField', key, value }, testPeople.lead);
  plan = signedOff(plan, '2024-07-01T10:00:00Z');
  const table = format.authorisation.roles.length + (format.authorisation.rows?.length ?? 0) > 0;
  return outlineOf(
    assembleDocument(plan, format, { people: names }),
    table ? format.authorisation.title : null,
  );
}

const EXPECTED: Readonly<Record<string, ReportOutline>> = {
  // Seed 000: header table; unnumbered summary, recommendations and reasons; "1. Introduction and
  // Background", "1.1 …"; "6.1 Risk Management – …"; "Appendix 1 – LBBD Productivity Plan".
  'barking-and-dagenham-cabinet': {
    banners: [],
    header: [
      'Meeting date',
      'Title',
      'Report of',
      'Open or exempt report',
      'For decision or information',
      'Wards Affected',
      'Key Decision',
      'Report Author',
      'Contact Details',
      'Accountable Executive Team Director',
    ],
    headings: [
      '## Summary',
      '## Recommendation(s)',
      '## Reason(s)',
      '## 1. Introduction and Background: 1.1 1.2',
      '## 2. Proposal and Issues: 2.1 2.2',
      '## 3. Consultation: 3.1 3.2',
      '## 4. Financial Implications: 4.1 4.2',
      '## 5. Legal Implications: 5.1 5.2',
      '## 6. Other Implications',
      '### Risk Management: 6.1 6.2',
      '### Staffing Issues: 6.3 6.4',
      '### Corporate Policy and Equality Impact: 6.5 6.6',
      '### Safeguarding Adults and Children: 6.7 6.8',
      '### Health Issues: 6.9 6.10',
      '## Public Background Papers Used in the Preparation of the Report',
      '## List of appendices',
      '### Appendix 1 – LBBD Productivity Plan',
      '## Implications completed by and report clearance',
      '## Appendix 1 – LBBD Productivity Plan',
    ],
    authorisation: {
      title: 'Implications completed by and report clearance',
      columns: 'Role | Name | Signed off',
      rows: [
        'Strategic Director, Resources',
        'Monitoring Officer (Legal)',
        'Accountable Executive Team Director',
        'Cabinet Member',
      ],
    },
  },
  // Seed 001: unnumbered headings, paragraphs numbered 1, 2, 3 … straight through; the implications
  // checklist is Appendix 1 and the letter Appendix 2; the plan, Appendix 3, follows.
  'durham-cabinet': {
    banners: [],
    header: [
      'Meeting date',
      'Title',
      'Report of',
      'Chief Executive',
      'Cabinet Portfolio Holder',
      'Electoral division(s) affected',
    ],
    headings: [
      '## Purpose of the Report: 1 2',
      '## Executive Summary: 3 4',
      '## Recommendation(s): 5 6',
      '## Background: 7 8',
      '## Content: 9 10',
      '## Approach: 11 12',
      '## Conclusion: 13 14',
      '## Background papers',
      '## Other useful documents',
      '## Author(s)',
      '## Report clearance',
      '## Appendix 1: Implications',
      '### Legal Implications',
      '### Finance',
      '### Consultation',
      '### Equality and Diversity / Public Sector Equality Duty',
      '### Climate Change',
      '### Human Rights',
      '### Crime and Disorder',
      '### Staffing',
      '### Accommodation',
      '### Risk',
      '### Procurement',
      '## Appendix 2: Letter from the Minister for Local Government',
      '## Appendix 3: Productivity Plan',
    ],
    authorisation: {
      title: 'Report clearance',
      columns: 'Role | Name | Signed off',
      rows: ['Chief Finance Officer', 'Monitoring Officer', 'Chief Executive', 'Cabinet Portfolio Holder'],
    },
  },
  // Seed 002: "1 Recommendations / 1.1 / 1.2", "2 Reasons for Recommendations / 2.1" …, the implications
  // as a table, "7. Appendices" listing Appendix 1 (the letter) and Appendix 2 (the plan).
  'sandwell-cabinet': {
    banners: [],
    header: ['Meeting date', 'Subject', 'Cabinet Member', 'Director', 'Key Decision', 'Contact Officer'],
    headings: [
      '## 1. Recommendations: 1.1 1.2',
      '## 2. Reasons for Recommendations: 2.1 2.2',
      '## 3. How does this deliver objectives of the Corporate Plan?: 3.1 3.2',
      '## 4. Context and Key Issues: 4.1 4.2',
      '## 5. Alternative Options: 5.1 5.2',
      '## 6. Implications',
      '## 7. Appendices',
      '### Appendix 1 – DLUHC letter to local authorities on requirements for Productivity Plans',
      '### Appendix 2 – Sandwell Council’s proposed Productivity Plan',
      '## 8. Background Papers',
      '## Report clearance',
      '## Appendix 2 – Sandwell Council’s proposed Productivity Plan',
    ],
    authorisation: {
      title: 'Report clearance',
      columns: 'Role | Name | Signed off',
      rows: ['Chief Finance Officer', 'Monitoring Officer', 'Director', 'Cabinet Member'],
    },
  },
  // Committee system: unnumbered summary, recommendations numbered 1. 2. as a list of their own, then
  // numbered sections (the cross-cutting issues table first) with 2.1, 2.2 …; "Purpose of Report" printed
  // after the summary; lettered appendices; no authorisation table (sign-off is a column of the table).
  'fenmarsh-governance-and-resources': {
    banners: [],
    header: [
      'Meeting date',
      'Report title',
      'Final Decision-Maker',
      'Lead Head of Service',
      'Lead Officer and Report Author',
      'Classification',
      'Wards affected',
      'Purpose of Report (after summary)',
    ],
    headings: [
      '## Executive Summary',
      '## This report makes the following recommendations to this Committee: 1. 2.',
      '## 1. Cross-Cutting Issues and Implications',
      '## 2. Introduction and Background: 2.1 2.2',
      '## 3. Available Options: 3.1 3.2',
      '## 4. Preferred Option and Reasons for Recommendations: 4.1 4.2',
      '## 5. Risk: 5.1 5.2',
      '## 6. Consultation Results and Previous Committee Feedback: 6.1 6.2',
      '## 7. Next Steps: Communication and Implementation of the Decision: 7.1 7.2',
      '## 8. Report Appendices',
      '### Appendix A: Fenmarsh District Council Productivity Plan 2024',
      '### Appendix B: Letter from the Minister for Local Government, 16 April 2024',
      '## 9. Background Papers',
      '## Appendix A: Fenmarsh District Council Productivity Plan 2024',
    ],
    authorisation: null,
  },
  // Cabinet notes the plan and approves it for publication: an OPEN REPORT banner line, lettered
  // recommendations (a) (b), unnumbered reasons, numbered sections with 1.1 …, "Appendix A – …", and a
  // clearance table with its own columns and rows.
  'ashcombe-borough-cabinet': {
    banners: ['OPEN REPORT'],
    header: [
      'Cabinet',
      'Title',
      'Report of',
      'Lead Officer',
      'Wards Affected',
      'Key Decision',
      'Forward Plan reference',
    ],
    headings: [
      '## Summary',
      '## Recommendations: (a) (b)',
      '## Reasons for Recommendations',
      '## 1. Background: 1.1 1.2',
      '## 2. The Productivity Plan: 2.1 2.2',
      '## 3. Options Considered: 3.1 3.2',
      '## 4. Consultation: 4.1 4.2',
      '## 5. Financial Implications: 5.1 5.2',
      '## 6. Legal Implications: 6.1 6.2',
      '## 7. Other Implications',
      '### Risk Management: 7.1 7.2',
      '### Equality and Diversity: 7.3 7.4',
      '### Climate Change and Sustainability: 7.5 7.6',
      '### Staffing: 7.7 7.8',
      '## Background Papers',
      '## Appendices',
      '### Appendix A – Ashcombe Borough Council Productivity Plan 2024',
      '### Appendix B – Letter from the Minister for Local Government, 16 April 2024',
      '## Report Clearance',
      '## Appendix A – Ashcombe Borough Council Productivity Plan 2024',
    ],
    authorisation: {
      title: 'Report Clearance',
      columns: 'Role | Name | Date cleared',
      rows: [
        'Report Author',
        'Chief Executive',
        'Director of Resources / S151 Officer',
        'Monitoring Officer',
        'Cabinet Member',
      ],
    },
  },
  // Lettered headings (A., B., …) with paragraphs numbered 1, 2, 3 … straight through them, the
  // recommendations lettered (a) (b) on their own; every header field after the executive summary; a
  // glossary; the implications checklist as Appendix 2; no authorisation table.
  'wealdshire-county-cabinet': {
    banners: [],
    header: [
      'Report of (after summary)',
      'Cabinet Member (after summary)',
      'Electoral division(s) affected (after summary)',
      'Key decision (after summary)',
      'Contact officer (after summary)',
    ],
    headings: [
      '## A. Purpose of the Report: 1 2',
      '## B. Executive Summary: 3 4',
      '## C. Recommendation: (a) (b)',
      '## D. Background: 5 6',
      '## E. The Plan and How It Was Prepared: 7 8',
      '## F. Monitoring and Progress Updates: 9 10',
      '## G. Conclusion: 11 12',
      '## H. Background Papers',
      '## I. Glossary',
      '## J. Appendices',
      '### Appendix 1: Wealdshire County Council Productivity Plan 2024',
      '### Appendix 2: Implications',
      '#### Finance',
      '#### Legal',
      '#### Consultation',
      '#### Equality and Diversity / Public Sector Equality Duty',
      '#### Climate Change',
      '#### Human Rights',
      '#### Crime and Disorder',
      '#### Staffing',
      '#### Accommodation',
      '#### Risk',
      '#### Procurement',
      '### Appendix 3: Letter from the Minister for Local Government',
      '## Appendix 1: Wealdshire County Council Productivity Plan 2024',
    ],
    authorisation: null,
  },
};

const HEADER_VALUES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'ashcombe-borough-cabinet': { 'open-or-exempt': 'OPEN REPORT' },
};

describe.each(Object.keys(EXPECTED))('the %s cover report', (formatId) => {
  it('has the headings, numbers, appendix labels, header rows and authorisation table its council prints', () => {
    expect(reportOf(formatId, HEADER_VALUES[formatId])).toEqual(EXPECTED[formatId]);
  });
});

it('notices a heading numbered differently (the comparison can fail)', () => {
  const actual = reportOf('ashcombe-borough-cabinet', HEADER_VALUES['ashcombe-borough-cabinet']);
  const wrong = { ...actual, headings: actual.headings.map((h) => h.replace('(a) (b)', '1. 2.')) };
  expect(wrong).not.toEqual(EXPECTED['ashcombe-borough-cabinet']);
});
