import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Link,
  makeStyles,
  mergeClasses,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Fragment, useState } from 'react';
import type { AcceptSectionsDto, PlanViewDto, SectionSummaryDto } from '../../../shared/api.js';
import { useSession } from '../../app/context.js';
import { hrefFor } from '../../app/routes.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { stillToAgree, toFollowLine, writtenBy } from '../../components/contribution-text.js';
import { longDate, nameOf, STATUS_COLOUR, STATUS_LABEL, when } from '../../components/display-text.js';
import { NARROW, useStackedTable, useTouchLink } from '../../components/layout/stacked-table.js';

const useStyles = makeStyles({
  accept: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    flexWrap: 'wrap',
    marginTop: tokens.spacingVerticalM,
  },
  table: { marginTop: tokens.spacingVerticalL },
  select: { width: '40px' },
  title: { width: '30%' },
  // A long status badge ("Not included (optional)") wraps inside its pill.
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', textAlign: 'start' },
  // Stacked on a phone the header row is not shown, so the part's name (its first column) leads instead.
  part: {
    display: 'none',
    [NARROW]: {
      display: 'block',
      marginTop: tokens.spacingVerticalL,
      fontWeight: tokens.fontWeightSemibold,
      fontSize: tokens.fontSizeBase400,
    },
  },
});

const PART_LABEL = { plan: 'The plan', report: 'Cover report', implications: 'Implications' } as const;

export function SectionsTable({
  plan,
  onAssign,
  onChanged,
}: {
  plan: PlanViewDto;
  onAssign: ((sectionKey: string) => void) | null;
  /** After sections were accepted from here; the dashboard reloads. */
  onChanged?: () => void;
}) {
  const { api } = useSession();
  const styles = useStyles();
  const stack = useStackedTable();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<AcceptSectionsDto | null>(null);
  // The plan lead accepts submitted sections several at a time.
  const selectable = plan.isLead ? plan.sections.filter((s) => s.status === 'submitted') : [];
  const chosen = selectable.filter((s) => selected.has(s.key));
  const toggle = (key: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const acceptChosen = async () => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const result = await api.acceptSections(
        plan.id,
        chosen.map((s) => s.key),
      );
      setOutcome(result);
      setSelected(new Set());
      onChanged?.();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const parts = (['plan', 'report', 'implications'] as const)
    .map((part) => ({ part, sections: plan.sections.filter((s) => s.part === part) }))
    .filter((group) => group.sections.length > 0);
  return (
    <>
      {selectable.length > 0 && (
        <div role="group" aria-label="Accept submitted sections" className={styles.accept}>
          <Button
            appearance="primary"
            disabled={busy || chosen.length === 0}
            onClick={acceptChosen}
            icon={busy ? <Spinner size="tiny" /> : undefined}
          >
            {busy
              ? 'Accepting…'
              : chosen.length === 0
                ? 'Accept selected'
                : `Accept ${chosen.length} selected`}
          </Button>
          <Button
            appearance="subtle"
            disabled={busy}
            onClick={() => setSelected(new Set(selectable.map((s) => s.key)))}
          >
            Select all submitted ({selectable.length})
          </Button>
        </div>
      )}
      {error ? <ErrorNotice error={error} /> : null}
      {outcome && (
        <Text block role="status" data-testid="accept-outcome">
          {outcome.accepted.length > 0 ? `Accepted ${outcome.accepted.length}.` : ''}
          {outcome.refused.map((r) => ` ${r.message}`).join('')}
        </Text>
      )}
      {parts.map((group) => (
        <Fragment key={group.part}>
          <div className={styles.part} aria-hidden="true">
            {PART_LABEL[group.part]}
          </div>
          <Table
            aria-label={`Sections: ${PART_LABEL[group.part]}`}
            size="small"
            className={mergeClasses(styles.table, stack.table)}
          >
            <TableHeader className={stack.head}>
              <TableRow>
                {selectable.length > 0 && <TableHeaderCell className={styles.select}>Select</TableHeaderCell>}
                <TableHeaderCell className={styles.title}>{PART_LABEL[group.part]}</TableHeaderCell>
                <TableHeaderCell>Owner</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Due</TableHeaderCell>
                <TableHeaderCell>Last edit</TableHeaderCell>
                <TableHeaderCell>Words</TableHeaderCell>
                <TableHeaderCell>Questions</TableHeaderCell>
                {onAssign && <TableHeaderCell>Assign</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody className={stack.body}>
              {group.sections.map((section) => (
                <SectionRow
                  key={section.key}
                  plan={plan}
                  section={section}
                  onAssign={onAssign}
                  selection={
                    selectable.length === 0
                      ? null
                      : {
                          enabled: section.status === 'submitted' && !busy,
                          checked: selected.has(section.key),
                          onChange: (on) => toggle(section.key, on),
                        }
                  }
                />
              ))}
            </TableBody>
          </Table>
        </Fragment>
      ))}
    </>
  );
}

function SectionRow({
  plan,
  section,
  onAssign,
  selection,
}: {
  plan: PlanViewDto;
  section: SectionSummaryDto;
  onAssign: ((sectionKey: string) => void) | null;
  selection: { enabled: boolean; checked: boolean; onChange: (on: boolean) => void } | null;
}) {
  const q = section.questions;
  const c = section.contribution;
  const awaited = toFollowLine(c);
  const waiting = stillToAgree(plan.people, c);
  const stack = useStackedTable();
  const styles = useStyles();
  const touch = useTouchLink();
  return (
    <TableRow data-section={section.key} className={stack.row}>
      {selection && (
        <TableCell className={stack.controls}>
          {selection.enabled || selection.checked ? (
            <Checkbox
              checked={selection.checked}
              disabled={!selection.enabled}
              onChange={(_e, data) => selection.onChange(data.checked === true)}
              aria-label={`Select ${section.title}`}
            />
          ) : null}
        </TableCell>
      )}
      <TableCell className={stack.lead}>
        <Link
          href={hrefFor({ name: 'section', planId: plan.id, sectionKey: section.key })}
          className={touch.link}
        >
          {section.title}
        </Link>
      </TableCell>
      <TableCell data-testid="written-by" data-label="Owner" className={stack.cell}>
        {writtenBy(plan.people, section)}
        {waiting && section.status !== 'submitted' && section.status !== 'accepted' ? (
          <Caption1 block>Waiting for {waiting} to agree</Caption1>
        ) : null}
      </TableCell>
      <TableCell data-label="Status" className={stack.cell}>
        {c.notIncluded ? (
          <Badge color="informative" appearance="outline" data-status="not-included" className={styles.badge}>
            Not included (optional)
          </Badge>
        ) : (
          <Badge
            color={STATUS_COLOUR[section.status]}
            appearance="filled"
            data-status={section.status}
            className={styles.badge}
          >
            {STATUS_LABEL[section.status]}
          </Badge>
        )}
        {awaited ? (
          <Caption1 block data-testid="to-follow">
            {awaited}
          </Caption1>
        ) : null}
      </TableCell>
      <TableCell data-label="Due" className={stack.cell}>
        {section.dueDate ? longDate(section.dueDate) : '—'}
      </TableCell>
      <TableCell data-label="Last edit" className={stack.cell}>
        {section.lastEdit ? `${nameOf(plan.people, section.lastEdit.by)}, ${when(section.lastEdit.at)}` : '—'}
      </TableCell>
      <TableCell data-label="Words" className={stack.cell}>
        {section.words} / {section.wordBudget}
      </TableCell>
      <TableCell data-label="Questions" className={stack.cell}>
        {q.total === 0 ? '—' : `${q.answered + q.notApplicable} of ${q.total}`}
      </TableCell>
      {onAssign && (
        <TableCell className={stack.controls}>
          <Button size="small" onClick={() => onAssign(section.key)} aria-label={`Assign ${section.title}`}>
            Assign
          </Button>
        </TableCell>
      )}
    </TableRow>
  );
}
