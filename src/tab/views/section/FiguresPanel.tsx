/**
 * Structured figures: amounts are entered, shares are computed from them and never typed. Each figure is
 * checked on its own: one that is not a usable number is marked in place with its message and never sent
 * (the section's text and the other figures save as usual), and a share shows "—" until its inputs are
 * valid, so nothing on screen contradicts the message.
 */
import { Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { computeShares, validateFigures } from '../../../domain/sections/figures.js';
import type { SectionDto } from '../../../shared/api.js';
import { numberProblem, parseNumber } from '../../components/forms/numbers.js';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

const UNIT_HINT = { 'currency-gbp': 'Pounds', count: 'A whole number', hours: 'Hours' } as const;

type Entered = Extract<SectionDto['figureFields'][number], { kind: 'entered' }>;

function problemOf(field: Entered, text: string): string | null {
  return numberProblem(field.label, text, { min: 0, whole: field.unit === 'count' });
}

export function FiguresPanel(props: {
  section: SectionDto;
  pending: Readonly<Record<string, number | null>>;
  readOnly: boolean;
  onChange: (key: string, value: number | null) => void;
}) {
  const styles = useStyles();
  const { section } = props;
  const entered = section.figureFields.filter((f): f is Entered => f.kind === 'entered');
  const valueOf = (key: string): number | null =>
    key in props.pending ? (props.pending[key] ?? null) : (section.figures[key] ?? null);
  const [typed, setTyped] = useState<Record<string, string>>(() =>
    Object.fromEntries(entered.map((f) => [f.key, valueOf(f.key) === null ? '' : String(valueOf(f.key))])),
  );
  /** Problems a figure has beside the other figures (a part over its whole), by the figure last typed. */
  const [crossProblems, setCrossProblems] = useState<Readonly<Record<string, string>>>({});
  if (entered.length === 0) return null;

  const ownProblems = Object.fromEntries(entered.map((f) => [f.key, problemOf(f, typed[f.key] ?? '')]));
  const change = (field: Entered, text: string) => {
    setTyped((current) => ({ ...current, [field.key]: text }));
    const saved = section.figures[field.key] ?? null;
    if (problemOf(field, text) !== null) {
      // Not a usable number: nothing of it is sent, and the figure keeps its saved value meanwhile.
      props.onChange(field.key, saved);
      setCrossProblems(({ [field.key]: _dropped, ...rest }) => rest);
      return;
    }
    const value = parseNumber(text).value;
    const candidate = {
      ...section.figures,
      ...props.pending,
      [field.key]: value,
    };
    const checked = validateFigures(section.figureFields, candidate, { requireBases: false });
    if (checked.ok) {
      props.onChange(field.key, value);
      setCrossProblems({});
    } else {
      props.onChange(field.key, saved);
      setCrossProblems({ [field.key]: checked.error.message });
    }
  };

  // A share is computed from what is typed, and only when both of its inputs are usable.
  const usable: Record<string, number | null> = {};
  for (const field of entered) {
    const text = typed[field.key] ?? '';
    usable[field.key] =
      ownProblems[field.key] === null && crossProblems[field.key] === undefined
        ? parseNumber(text).value
        : null;
  }
  const blocked = new Set(
    entered
      .filter((f) => ownProblems[f.key] !== null || crossProblems[f.key] !== undefined)
      .map((f) => f.key),
  );
  const shares = computeShares(section.figureFields, usable);

  return (
    <section aria-label="Figures">
      <div className={styles.grid}>
        {entered.map((field) => {
          const message = ownProblems[field.key] ?? crossProblems[field.key] ?? null;
          return (
            <Field
              key={field.key}
              label={field.label}
              hint={UNIT_HINT[field.unit]}
              {...(message ? { validationMessage: message, validationState: 'error' as const } : {})}
            >
              <Input
                value={typed[field.key] ?? ''}
                inputMode="decimal"
                readOnly={props.readOnly}
                data-figure={field.key}
                onChange={(_e, data) => change(field, data.value)}
              />
            </Field>
          );
        })}
      </div>
      {shares.map((share) => {
        const definition = section.figureFields.find((f) => f.key === share.key);
        const inputs =
          definition?.kind === 'share' ? [definition.numeratorKey, definition.denominatorKey] : [];
        const unknown = inputs.some((key) => blocked.has(key)) || share.percent === null;
        return (
          <Text block as="p" key={share.key} data-share={share.key}>
            {share.label}: <strong>{unknown ? '—' : `${share.percent!.toFixed(1)}%`}</strong>
            {inputs.some((key) => blocked.has(key)) ? (
              <span className={styles.problem}> (correct the figures above to compute it)</span>
            ) : null}
          </Text>
        );
      })}
    </section>
  );
}
