/** Record a KPI's value for a period (or correct one already recorded), with a short commentary. */
import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { periodOf, previousPeriod, type Period } from '../../../domain/kpis/periods.js';
import type { KpiCardDto } from '../../../shared/kpi-api.js';
import { useSession } from '../../app/context.js';
import { FormDialog, useDirty, useFieldCheck, useSubmit } from '../../components/forms/index.js';
import { numberProblem, parseNumber } from '../../components/forms/numbers.js';

/** The last few ended periods, most recent first: the ones a value can be given for. */
function endedPeriods(card: KpiCardDto, asOf: string, count = 6): Period[] {
  const periods: Period[] = [];
  let period = previousPeriod(periodOf(card.kpi.frequency, asOf));
  for (let i = 0; i < count; i++) {
    periods.push(period);
    period = previousPeriod(period);
  }
  return periods;
}

export function RecordValueDialog(props: {
  planId: string;
  card: KpiCardDto;
  asOf: string;
  /** Set to correct the value already recorded for this period. */
  correcting?: string;
  onClose: () => void;
  onSaved: (card: KpiCardDto) => void;
}) {
  const { api } = useSession();
  const { kpi } = props.card;
  const periods = endedPeriods(props.card, props.asOf);
  const existing = props.correcting
    ? props.card.values.find((v) => v.periodKey === props.correcting)
    : undefined;
  const [periodKey, setPeriodKey] = useState(
    props.correcting ?? props.card.missing?.period.key ?? periods[0]?.key ?? '',
  );
  const [value, setValue] = useState(existing && !kpi.share ? String(existing.measurement.value) : '');
  const [part, setPart] = useState(existing?.measurement.part?.toString() ?? '');
  const [whole, setWhole] = useState(existing?.measurement.whole?.toString() ?? '');
  const [commentary, setCommentary] = useState(existing?.commentary ?? '');
  const dirty = useDirty([periodKey, value, part, whole, commentary]);
  const share = kpi.share;
  const check = useFieldCheck<'value' | 'part' | 'whole'>(
    share
      ? {
          part: numberProblem(share.partLabel, part, { required: true, min: 0 }),
          whole: numberProblem(share.wholeLabel, whole, { required: true, min: 0 }),
        }
      : { value: numberProblem('Value', value, { required: true }) },
  );

  const submit = useSubmit(
    async () => {
      const reading = share
        ? { part: parseNumber(part).value, whole: parseNumber(whole).value }
        : { value: parseNumber(value).value };
      const request = { reading, commentary: commentary.trim() === '' ? null : commentary.trim() };
      const card = props.correcting
        ? await api.correctValue(props.planId, kpi.id, props.correcting, request)
        : await api.recordValue(props.planId, kpi.id, { ...request, periodKey });
      props.onSaved(card);
    },
    { problems: check },
  );

  return (
    <FormDialog
      title={`${props.correcting ? 'Correct' : 'Record'} “${kpi.name}”`}
      submit={submit}
      submitLabel={props.correcting ? 'Save the correction' : 'Record the value'}
      busyLabel="Saving…"
      onClose={props.onClose}
      dirty={dirty}
    >
      <Field label="Period">
        <Select
          value={periodKey}
          disabled={props.correcting !== undefined}
          onChange={(_e, d) => setPeriodKey(d.value)}
        >
          {(props.correcting ? [{ key: props.correcting, label: props.correcting }] : periods).map((p) => (
            <option key={p.key} value={p.key}>
              {p.label}
            </option>
          ))}
        </Select>
      </Field>
      {share ? (
        <>
          <Field label={share.partLabel} {...check.field('part')}>
            <Input inputMode="decimal" value={part} onChange={(_e, d) => setPart(d.value)} />
          </Field>
          <Field
            label={share.wholeLabel}
            hint="The percentage is computed from these two."
            {...check.field('whole')}
          >
            <Input inputMode="decimal" value={whole} onChange={(_e, d) => setWhole(d.value)} />
          </Field>
        </>
      ) : (
        <Field label="Value" {...check.field('value')}>
          <Input inputMode="decimal" value={value} onChange={(_e, d) => setValue(d.value)} />
        </Field>
      )}
      <Field label="Commentary (what explains the figure)">
        <Textarea value={commentary} onChange={(_e, d) => setCommentary(d.value)} />
      </Field>
    </FormDialog>
  );
}
