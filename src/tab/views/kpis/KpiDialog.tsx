/** Define or change a KPI. Every problem the server finds is listed, so all can be fixed at once. */
import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  Select,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { PeopleDto } from '../../../shared/api.js';
import type { Kpi, KpiDraft } from '../../../shared/kpi-api.js';
import { useSession } from '../../app/context.js';
import { nameOf, themeName } from '../../components/display-text.js';
import {
  DateInput,
  dateProblem,
  FormDialog,
  useDirty,
  useFieldCheck,
  useSubmit,
} from '../../components/forms/index.js';
import { numberProblem, parseNumber } from '../../components/forms/numbers.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { DIRECTION_WORDS, FREQUENCY_WORDS, UNIT_WORDS, unitSaidBy } from './kpi-format.js';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
});

const numberOrNull = (text: string): number | null => parseNumber(text).value;
const show = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

type Unit = KpiDraft['unit'];
type ShareUnit = NonNullable<KpiDraft['share']>['unit'];

export function KpiDialog(props: {
  planId: string;
  themes: readonly number[];
  themeTitles: Readonly<Record<number, string>>;
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
  // A new KPI's unit follows its name until someone picks one; an existing KPI keeps its own.
  const [unitPicked, setUnitPicked] = useState(k !== null);
  const [isShare, setIsShare] = useState(k ? k.share !== null : false);
  const [partLabel, setPartLabel] = useState(k?.share?.partLabel ?? '');
  const [wholeLabel, setWholeLabel] = useState(k?.share?.wholeLabel ?? '');
  const [shareUnit, setShareUnit] = useState<ShareUnit>(k?.share?.unit ?? 'count');
  const [direction, setDirection] = useState<KpiDraft['direction']>(k?.direction ?? 'higher-is-better');
  const [ownerId, setOwnerId] = useState(k?.ownerId ?? me.id);
  const [ownerName, setOwnerName] = useState(k ? nameOf(props.people, k.ownerId) : me.displayName);
  const [frequency, setFrequency] = useState<KpiDraft['frequency']>(k?.frequency ?? 'quarterly');
  const [source, setSource] = useState(k?.source ?? '');
  const [theme, setTheme] = useState(k?.theme === null || !k ? '' : String(k.theme));
  const [baseline, setBaseline] = useState(show(k?.baseline.value));
  const [basePart, setBasePart] = useState(show(k?.baseline.part));
  const [baseWhole, setBaseWhole] = useState(show(k?.baseline.whole));
  const [baseDate, setBaseDate] = useState({ value: k?.baseline.date ?? '', bad: false });
  const [target, setTarget] = useState(show(k?.target.value));
  const [targetDate, setTargetDate] = useState({ value: k?.target.date ?? '', bad: false });
  const share = unit === 'percent' && isShare;
  const dirty = useDirty([
    name,
    definition,
    unit,
    isShare,
    partLabel,
    wholeLabel,
    shareUnit,
    direction,
    ownerId,
    frequency,
    source,
    theme,
    baseline,
    basePart,
    baseWhole,
    baseDate.value,
    target,
    targetDate.value,
  ]);
  const check = useFieldCheck<
    | 'name'
    | 'definition'
    | 'source'
    | 'partLabel'
    | 'wholeLabel'
    | 'baseline'
    | 'basePart'
    | 'baseWhole'
    | 'baseDate'
    | 'target'
    | 'targetDate'
  >({
    name: name.trim() === '' ? 'Give the KPI a name.' : null,
    definition: definition.trim() === '' ? 'Say what the KPI measures, and how.' : null,
    source: source.trim() === '' ? 'Say where the figures come from.' : null,
    partLabel:
      share && partLabel.trim() === '' ? 'Name the part, for example “Spend with local firms”.' : null,
    wholeLabel: share && wholeLabel.trim() === '' ? 'Name the whole, for example “All spend”.' : null,
    baseline: share ? null : numberProblem('Baseline value', baseline, { required: true }),
    basePart: share
      ? numberProblem(`Baseline: ${partLabel || 'part'}`, basePart, { required: true, min: 0 })
      : null,
    baseWhole: share
      ? numberProblem(`Baseline: ${wholeLabel || 'whole'}`, baseWhole, { required: true, min: 0 })
      : null,
    baseDate: dateProblem('Baseline date', baseDate.value, baseDate.bad, { required: true }),
    target: numberProblem('Target value', target, { required: true }),
    targetDate:
      dateProblem('Target date', targetDate.value, targetDate.bad, { required: true }) ??
      (baseDate.value !== '' && targetDate.value !== '' && targetDate.value <= baseDate.value
        ? 'The target date must come after the baseline date.'
        : null),
  });

  const submit = useSubmit(
    async () => {
      const draft: KpiDraft = {
        name: name.trim(),
        definition: definition.trim(),
        unit,
        share: share ? { partLabel: partLabel.trim(), wholeLabel: wholeLabel.trim(), unit: shareUnit } : null,
        direction,
        ownerId,
        frequency,
        source: source.trim(),
        theme: theme === '' ? null : Number(theme),
        baseline: share
          ? { part: numberOrNull(basePart), whole: numberOrNull(baseWhole), date: baseDate.value }
          : { value: numberOrNull(baseline), date: baseDate.value },
        target: { value: numberOrNull(target), date: targetDate.value },
      };
      if (k) await api.updateKpi(props.planId, k.id, { baseRevision: k.revision, draft });
      else await api.defineKpi(props.planId, { draft });
      props.onSaved();
    },
    { problems: check },
  );

  return (
    <FormDialog
      title={k ? `Change “${k.name}”` : 'Define a KPI'}
      submit={submit}
      submitLabel={k ? 'Save changes' : 'Define the KPI'}
      busyLabel="Saving…"
      onClose={props.onClose}
      dirty={dirty}
      wide
    >
      <Field label="Name" required {...check.field('name')}>
        <Input
          value={name}
          onChange={(_e, d) => {
            setName(d.value);
            if (!unitPicked) setUnit(unitSaidBy(d.value) ?? 'count');
          }}
        />
      </Field>
      <Field label="What it measures, and how" required {...check.field('definition')}>
        <Textarea value={definition} onChange={(_e, d) => setDefinition(d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label="Unit">
          <Select
            value={unit}
            onChange={(_e, d) => {
              setUnit(d.value as Unit);
              setUnitPicked(true);
            }}
          >
            {Object.entries(UNIT_WORDS).map(([key, words]) => (
              <option key={key} value={key}>
                {words}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Direction">
          <Select value={direction} onChange={(_e, d) => setDirection(d.value as KpiDraft['direction'])}>
            {Object.entries(DIRECTION_WORDS).map(([key, words]) => (
              <option key={key} value={key}>
                {words}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="How often it is measured">
          <Select value={frequency} onChange={(_e, d) => setFrequency(d.value as KpiDraft['frequency'])}>
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
                {themeName(t, props.themeTitles)}
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
          <Field label="The part is called" {...check.field('partLabel')}>
            <Input value={partLabel} onChange={(_e, d) => setPartLabel(d.value)} />
          </Field>
          <Field label="The whole is called" {...check.field('wholeLabel')}>
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
      <Field label="Where the figures come from" required {...check.field('source')}>
        <Input value={source} onChange={(_e, d) => setSource(d.value)} />
      </Field>
      <div className={styles.row}>
        {share ? (
          <>
            <Field label={`Baseline: ${partLabel || 'part'}`} {...check.field('basePart')}>
              <Input inputMode="decimal" value={basePart} onChange={(_e, d) => setBasePart(d.value)} />
            </Field>
            <Field label={`Baseline: ${wholeLabel || 'whole'}`} {...check.field('baseWhole')}>
              <Input inputMode="decimal" value={baseWhole} onChange={(_e, d) => setBaseWhole(d.value)} />
            </Field>
          </>
        ) : (
          <Field label="Baseline value" {...check.field('baseline')}>
            <Input inputMode="decimal" value={baseline} onChange={(_e, d) => setBaseline(d.value)} />
          </Field>
        )}
        <Field label="Baseline date" {...check.field('baseDate')}>
          <DateInput value={baseDate.value} onChange={(value, bad) => setBaseDate({ value, bad })} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Target value" {...check.field('target')}>
          <Input inputMode="decimal" value={target} onChange={(_e, d) => setTarget(d.value)} />
        </Field>
        <Field label="Target date" {...check.field('targetDate')}>
          <DateInput value={targetDate.value} onChange={(value, bad) => setTargetDate({ value, bad })} />
        </Field>
      </div>
    </FormDialog>
  );
}
