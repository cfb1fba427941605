/**
 * The documents every existing council format produces, held byte for byte: a signed-off plan and a draft
 * (sign-offs omitted) per format: the HTML as text, the Word file as the SHA-256 of its bytes. Written before report formats learnt governance,
 * numbering and the rest, so that a format that uses none of it is proven to render exactly as before.
 *
 * A change that alters these documents on purpose regenerates them: `PB_UPDATE_GOLDEN=1 npx vitest run
 * test/unit/documents/golden.test.ts`, then read the diff of test/fixtures/golden before committing it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleDocument } from '../../../src/domain/documents/assemble-document.js';
import type { ReportFormat } from '../../../src/domain/templates/report-format.js';
import { renderHtml } from '../../../src/documents/html.js';
import { renderWord } from '../../../src/documents/word.js';
import { loadReportFormat } from '../../../src/templates/load.js';
import { formatById, names, signedOff, writtenPlan } from './support.js';

const GOLDEN = join(import.meta.dirname, '../../fixtures/golden');
const UPDATE = process.env['PB_UPDATE_GOLDEN'] === '1';

const FORMATS: readonly { readonly name: string; readonly format: () => ReportFormat }[] = [
  { name: 'barking-and-dagenham', format: () => formatById('barking-and-dagenham-cabinet') },
  { name: 'durham', format: () => formatById('durham-cabinet') },
  { name: 'sandwell', format: () => formatById('sandwell-cabinet') },
  {
    name: 'demo-borough',
    format: () =>
      loadReportFormat(join(import.meta.dirname, '../../../src/local/demo/report-formats/demo-borough.json')),
  },
  {
    name: 'wessex-vale',
    format: () =>
      loadReportFormat(join(import.meta.dirname, '../../fixtures/report-formats/wessex-vale.json')),
  },
];

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** Compares with the stored file (or, when updating, stores it); a missing file fails. */
function matchesGolden(file: string, actual: string): void {
  const path = join(GOLDEN, file);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(existsSync(path), `${file} is missing: run with PB_UPDATE_GOLDEN=1 to create it`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe.each(FORMATS)('the $name format renders exactly as before', ({ name, format: formatOf }) => {
  const format = formatOf();
  const draft = writtenPlan({ format, id: `golden-${name}` });
  const signed = signedOff(draft, '2024-07-01T10:00:00Z');
  const variants = [
    { variant: 'signed', model: () => assembleDocument(signed, format, { people: names }) },
    {
      variant: 'draft',
      model: () => assembleDocument(draft, format, { people: names, signOffs: 'omit' as const }),
    },
  ];

  it.each(variants)('$variant: the HTML is unchanged', ({ variant, model }) => {
    matchesGolden(`${name}.${variant}.html`, renderHtml(model()));
  });

  it.each(variants)('$variant: the Word document is unchanged, to the byte', async ({ variant, model }) => {
    const docx = await renderWord(model());
    // The HTML above shows what changed in the content; this covers the Word renderer's every byte.
    matchesGolden(`${name}.${variant}.docx.sha256`, `${sha256(docx)}\n`);
  });
});

it('fails when a document differs from the stored one (the check can fail)', () => {
  const stored = readFileSync(join(GOLDEN, 'durham.signed.html'), 'utf8');
  expect(() => expect(stored.replace('Durham', 'Durnham')).toBe(stored)).toThrow();
});
