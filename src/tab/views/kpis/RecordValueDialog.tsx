/** Record a KPI's value for a period (or correct one already recorded), with a short commentary. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Select,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { periodOf, previousPeriod, type Period } from '../../../domain/kpis/periods.js';
import type { KpiCardDto } from '../../../shared/kpi-api.js';
import { useSession } from '../../app/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { problemsIn } from './kpi-format.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const numberOrNull = (text: string): number | null => {
  if (text.trim() === '') return null;
  const value = Number(text.replace(/[,£%\s]/g, ''));
  return Number.isFinite(value) ? value : null;
};

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
  const styles = useStyles();
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const reading = kpi.share
      ? { part: numberOrNull(part), whole: numberOrNull(whole) }
      : { value: numberOrNull(value) };
    const request = { reading, commentary: commentary.trim() === '' ? null : commentary.trim() };
    setBusy(true);
    setError(null);
    try {
      const card = props.correcting
        ? await api.correctValue(props.planId, kpi.id, props.correcting, request)
        : await api.recordValue(props.planId, kpi.id, { ...request, periodKey });
      props.onSaved(card);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  const problems = problemsIn(error);
  return (
    <Dialog open onOpenChange={(_e, data) => !data.open && !busy && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={save} noValidate>
          <DialogBody>
            <DialogTitle>
              {props.correcting ? 'Correct' : 'Record'} “{kpi.name}”
            </DialogTitle>
            <DialogContent className={styles.form}>
              {problems.length > 0 ? (
                <ul role="alert">
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              ) : error ? (
                <ErrorNotice error={error} />
              ) : null}
              <Field label="Period">
                <Select
                  value={periodKey}
                  disabled={props.correcting !== undefined}
                  onChange={(_e, d) => setPeriodKey(d.value)}
                >
                  {(props.correcting ? [{ key: props.correcting, label: props.correcting }] : periods).map(
                    (p) => (
                      <option key={p.key} value={p.key}>
                        {p.label}
                      </option>
                    ),
                  )}
                </Select>
              </Field>
              {kpi.share ? (
                <>
                  <Field label={kpi.share.partLabel}>
                    <Input inputMode="decimal" value={part} onChange={(_e, d) => setPart(d.value)} />
                  </Field>
                  <Field label={kpi.share.wholeLabel} hint="The percentage is computed from these two.">
                    <Input inputMode="decimal" value={whole} onChange={(_e, d) => setWhole(d.value)} />
                  </Field>
                </>
              ) : (
                <Field label="Value">
                  <Input inputMode="decimal" value={value} onChange={(_e, d) => setValue(d.value)} />
                </Field>
              )}
              <Field label="Commentary (what explains the figure)">
                <Textarea value={commentary} onChange={(_e, d) => setCommentary(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button onClick={props.onClose} disabled={busy}>
                Cancel
              </Button>
              <Button
                type="submit"
                appearance="primary"
                disabled={busy}
                icon={busy ? <Spinner size="tiny" /> : undefined}
              >
                {busy ? 'Saving…' : props.correcting ? 'Save the correction' : 'Record the value'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
