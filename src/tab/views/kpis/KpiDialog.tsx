/** Define or change a KPI. Every problem the server finds is listed, so all can be fixed at once. */
import {
  Button,
  Checkbox,
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
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { PeopleDto } from '../../../shared/api.js';
import type { Kpi, KpiDraft } from '../../../shared/kpi-api.js';
import { useSession } from '../../app/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { nameOf } from '../../components/display-text.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { DIRECTION_WORDS, FREQUENCY_WORDS, problemsIn, UNIT_WORDS } from './kpi-format.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

const numberOrNull = (text: string): number | null => {
  if (text.trim() === '') return null;
  const value = Number(text.replace(/[,£%\s]/g, ''));
  return Number.isFinite(value) ? value : null;
};
const show = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

type Unit = KpiDraft['unit'];
type ShareUnit = NonNullable<KpiDraft['share']>['unit'];

export function KpiDialog(props: {
  planId: string;
  themes: readonly number[];
  people: PeopleDto;
  kpi: Kpi | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { api, me } = useSession();
  const styles = useStyles();
  const k = props.kpi;
  const [name, setName] = useState(k?.name ?? '');
  const [definition, setDefinition] = useState(k?.definition ?? '');
  const [unit, setUnit] = useState<Unit>(k?.unit ?? 'count');
  const [isShare, setIsShare] = useState(k ? k.share !== null : false);
  const [partLabel, setPartLabel] = useState(k?.share?.partLabel ?? '');
  const [wholeLabel, setWholeLabel] = useState(k?.share?.wholeLabel ?? '');
  const [shareUnit, setShareUnit] = useState<ShareUnit>(k?.share?.unit ?? 'currency-gbp');
  const [direction, setDirection] = useState<KpiDraft['direction']>(k?.direction ?? 'higher-is-better');
  const [ownerId, setOwnerId] = useState(k?.ownerId ?? me.id);
  const [ownerName, setOwnerName] = useState(k ? nameOf(props.people, k.ownerId) : me.displayName);
  const [frequency, setFrequency] = useState<KpiDraft['frequency']>(k?.frequency ?? 'quarterly');
  const [source, setSource] = useState(k?.source ?? '');
  const [theme, setTheme] = useState(k?.theme === null || !k ? '' : String(k.theme));
  const [baseline, setBaseline] = useState(show(k?.baseline.value));
  const [basePart, setBasePart] = useState(show(k?.baseline.part));
  const [baseWhole, setBaseWhole] = useState(show(k?.baseline.whole));
  const [baseDate, setBaseDate] = useState(k?.baseline.date ?? '');
  const [target, setTarget] = useState(show(k?.target.value));
  const [targetDate, setTargetDate] = useState(k?.target.date ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const share = unit === 'percent' && isShare;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const draft: KpiDraft = {
      name,
      definition,
      unit,
      share: share ? { partLabel, wholeLabel, unit: shareUnit } : null,
      direction,
      ownerId,
      frequency,
      source,
      theme: theme === '' ? null : Number(theme),
      baseline: share
        ? { part: numberOrNull(basePart), whole: numberOrNull(baseWhole), date: baseDate }
        : { value: numberOrNull(baseline), date: baseDate },
      target: { value: numberOrNull(target), date: targetDate },
    };
    setBusy(true);
    setError(null);
    try {
      if (k) await api.updateKpi(props.planId, k.id, { baseRevision: k.revision, draft });
      else await api.defineKpi(props.planId, { draft });
      props.onSaved();
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
            <DialogTitle>{k ? `Change “${k.name}”` : 'Define a KPI'}</DialogTitle>
            <DialogContent className={styles.form}>
              {problems.length > 0 ? (
                <div role="alert" data-testid="kpi-problems">
                  <Text weight="semibold">
                    Please correct {problems.length === 1 ? 'this' : `these ${problems.length} things`}:
                  </Text>
                  <ul>
                    {problems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                </div>
              ) : error ? (
                <ErrorNotice error={error} />
              ) : null}
              <Field label="Name" required>
                <Input value={name} onChange={(_e, d) => setName(d.value)} />
              </Field>
              <Field label="What it measures, and how" required>
                <Textarea value={definition} onChange={(_e, d) => setDefinition(d.value)} />
              </Field>
              <div className={styles.row}>
                <Field label="Unit">
                  <Select value={unit} onChange={(_e, d) => setUnit(d.value as Unit)}>
                    {Object.entries(UNIT_WORDS).map(([key, words]) => (
                      <option key={key} value={key}>
                        {words}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Direction">
                  <Select
                    value={direction}
                    onChange={(_e, d) => setDirection(d.value as KpiDraft['direction'])}
                  >
                    {Object.entries(DIRECTION_WORDS).map(([key, words]) => (
                      <option key={key} value={key}>
                        {words}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="How often it is measured">
                  <Select
                    value={frequency}
                    onChange={(_e, d) => setFrequency(d.value as KpiDraft['frequency'])}
                  >
                    {Object.entries(FREQUENCY_WORDS).map(([key, words]) => (
                      <option key={key} value={key}>
                        {words}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Theme">
                  <Select value={theme} onChange={(_e, d) => setTheme(d.value)}>
                    <option value="">The plan as a whole</option>
                    {props.themes.map((t) => (
                      <option key={t} value={String(t)}>
                        Theme {t}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              {unit === 'percent' ? (
                <Checkbox
                  checked={isShare}
                  onChange={(_e, d) => setIsShare(d.checked === true)}
                  label="Computed as a share: a part divided by a whole"
                />
              ) : null}
              {share ? (
                <div className={styles.row}>
                  <Field label="The part is called">
                    <Input value={partLabel} onChange={(_e, d) => setPartLabel(d.value)} />
                  </Field>
                  <Field label="The whole is called">
                    <Input value={wholeLabel} onChange={(_e, d) => setWholeLabel(d.value)} />
                  </Field>
                  <Field label="Both are">
                    <Select value={shareUnit} onChange={(_e, d) => setShareUnit(d.value as ShareUnit)}>
                      <option value="currency-gbp">Pounds (£)</option>
                      <option value="count">A count</option>
                      <option value="hours">Hours</option>
                    </Select>
                  </Field>
                </div>
              ) : null}
              <Text block as="p">
                Owner: <strong data-testid="kpi-owner">{ownerName}</strong>
              </Text>
              <PersonSearch
                label="Choose a different owner"
                onPick={(person) => {
                  setOwnerId(person.id);
                  setOwnerName(person.displayName);
                }}
              />
              <Field label="Where the figures come from" required>
                <Input value={source} onChange={(_e, d) => setSource(d.value)} />
              </Field>
              <div className={styles.row}>
                {share ? (
                  <>
                    <Field label={`Baseline: ${partLabel || 'part'}`}>
                      <Input
                        inputMode="decimal"
                        value={basePart}
                        onChange={(_e, d) => setBasePart(d.value)}
                      />
                    </Field>
                    <Field label={`Baseline: ${wholeLabel || 'whole'}`}>
                      <Input
                        inputMode="decimal"
                        value={baseWhole}
                        onChange={(_e, d) => setBaseWhole(d.value)}
                      />
                    </Field>
                  </>
                ) : (
                  <Field label="Baseline value">
                    <Input inputMode="decimal" value={baseline} onChange={(_e, d) => setBaseline(d.value)} />
                  </Field>
                )}
                <Field label="Baseline date">
                  <Input type="date" value={baseDate} onChange={(_e, d) => setBaseDate(d.value)} />
                </Field>
              </div>
              <div className={styles.row}>
                <Field label="Target value">
                  <Input inputMode="decimal" value={target} onChange={(_e, d) => setTarget(d.value)} />
                </Field>
                <Field label="Target date">
                  <Input type="date" value={targetDate} onChange={(_e, d) => setTargetDate(d.value)} />
                </Field>
              </div>
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
                {busy ? 'Saving…' : k ? 'Save changes' : 'Define the KPI'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
