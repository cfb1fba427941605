/** Structured figures: amounts are entered, shares are computed from them and never typed. */
import { Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SectionDto } from '../../../shared/api.js';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
});

const UNIT_HINT = { 'currency-gbp': 'Pounds', count: 'A whole number', hours: 'Hours' } as const;

export function FiguresPanel(props: {
  section: SectionDto;
  pending: Readonly<Record<string, number | null>>;
  readOnly: boolean;
  onChange: (key: string, value: number | null) => void;
}) {
  const styles = useStyles();
  const entered = props.section.figureFields.filter((f) => f.kind === 'entered');
  if (entered.length === 0) return null;
  return (
    <section aria-label="Figures">
      <div className={styles.grid}>
        {entered.map((field) => (
          <FigureInput
            key={field.key}
            label={field.label}
            hint={field.kind === 'entered' ? UNIT_HINT[field.unit] : ''}
            value={
              field.key in props.pending
                ? (props.pending[field.key] ?? null)
                : (props.section.figures[field.key] ?? null)
            }
            readOnly={props.readOnly}
            onChange={(value) => props.onChange(field.key, value)}
          />
        ))}
      </div>
      {props.section.shares.map((share) => (
        <Text block as="p" key={share.key}>
          {share.label}:{' '}
          <strong>{share.percent === null ? 'not yet computed' : `${share.percent.toFixed(1)}%`}</strong>
        </Text>
      ))}
    </section>
  );
}

function FigureInput(props: {
  label: string;
  hint: string;
  value: number | null;
  readOnly: boolean;
  onChange: (value: number | null) => void;
}) {
  const [text, setText] = useState(props.value === null ? '' : String(props.value));
  const parsed = text.trim() === '' ? null : Number(text.replace(/[£,\s]/g, ''));
  const invalid = parsed !== null && (!Number.isFinite(parsed) || parsed < 0);
  return (
    <Field
      label={props.label}
      hint={props.hint}
      validationMessage={invalid ? 'Enter a number of zero or more.' : undefined}
    >
      <Input
        value={text}
        inputMode="decimal"
        readOnly={props.readOnly}
        onChange={(_e, data) => {
          setText(data.value);
          const next = data.value.trim() === '' ? null : Number(data.value.replace(/[£,\s]/g, ''));
          if (next === null || (Number.isFinite(next) && next >= 0)) props.onChange(next);
        }}
      />
    </Field>
  );
}
