/** The plan itself in a document: its sections in template order, with figures; alone or as an appendix. */
import type { Plan, Section } from '../plan/plan.js';
import { computeShares } from '../sections/figures.js';
import type { FigureField } from '../templates/template.js';
import { formatFigure, formatPercent } from '../wording/numbers.js';
import { awaited } from './awaited.js';
import type { DocBlock, HeadingLevel, TableBlock } from './document-model.js';
import { note, NOT_WRITTEN, richBlocks, unnumbered } from './rich-blocks.js';
import { cleanText, plain } from './text-runs.js';

function figuresTable(section: Section): TableBlock | null {
  const fields = section.definition.figureFields;
  const entered = fields.filter((f): f is Extract<FigureField, { kind: 'entered' }> => f.kind === 'entered');
  const values = section.figures;
  if (!entered.some((f) => typeof values[f.key] === 'number')) return null;
  const shares = computeShares(fields, values);
  const labelOf = new Map(entered.map((f) => [f.key, f.label]));
  return {
    type: 'table',
    caption: `Figures: ${section.definition.title}`,
    header: [[plain('Figure')], [plain('Value')], [plain('Share')]],
    rows: entered.map((field) => {
      const value = values[field.key];
      const shareLines = fields.flatMap((share) => {
        if (share.kind !== 'share' || share.numeratorKey !== field.key) return [];
        if (typeof value !== 'number') return [];
        const percent = shares.find((s) => s.key === share.key)?.percent ?? null;
        const basis = labelOf.get(share.denominatorKey) ?? share.denominatorKey;
        return [
          plain(
            percent === null ? `Not computed: ${basis} not given` : `${formatPercent(percent)} of ${basis}`,
          ),
        ];
      });
      return [
        [plain(field.label)],
        [plain(typeof value === 'number' ? formatFigure(value, field.unit) : 'Not given')],
        shareLines.length > 0 ? shareLines : [plain('')],
      ];
    }),
    rowHeaders: true,
  };
}

/** The plan's sections in template order, each at `level`. Optional sections left empty are left out. */
export function planSections(plan: Plan, level: HeadingLevel): DocBlock[] {
  return plan.sections
    .filter((s) => s.definition.part === 'plan')
    .flatMap((section): DocBlock[] => {
      const toFollow = awaited(section);
      // Never a silent gap: a section awaited is printed as such, optional or not.
      if (toFollow !== null) {
        return [{ type: 'heading', level, text: cleanText(section.definition.title) }, note(toFollow)];
      }
      const figures = figuresTable(section);
      const body = richBlocks(section.content, level, section.definition.title, unnumbered);
      if (body.length === 0 && figures === null && !section.definition.required) return [];
      return [
        { type: 'heading', level, text: cleanText(section.definition.title) },
        ...(body.length > 0 ? body : [note(NOT_WRITTEN)]),
        ...(figures ? [figures] : []),
      ];
    });
}

export function planAppendix(plan: Plan, title: string): DocBlock[] {
  return [
    { type: 'pageBreak' },
    { type: 'heading', level: 2, text: title },
    {
      type: 'paragraph',
      runs: [{ text: cleanText(plan.title), bold: true }, { text: ` — ${plan.council}` }],
      style: 'lead',
    },
    ...planSections(plan, 3),
  ];
}
