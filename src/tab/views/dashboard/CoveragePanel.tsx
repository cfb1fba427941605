import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { PlanViewDto } from '../../../shared/api.js';
import { themeName } from '../../components/display-text.js';
import { useStackedTable } from '../../components/layout/stacked-table.js';

export function CoveragePanel({
  coverage,
  themeTitles,
}: {
  coverage: PlanViewDto['coverage'];
  themeTitles: PlanViewDto['themeTitles'];
}) {
  const stack = useStackedTable();
  const themed = coverage.byTheme.filter((t) => t.answered + t.notApplicable + t.missing > 0);
  if (themed.length === 0)
    return (
      <Text block as="p">
        This plan's template has no prompt questions.
      </Text>
    );
  return (
    <>
      <Text block as="p" data-testid="coverage-total">
        {coverage.answered} answered, {coverage.notApplicable} not applicable, {coverage.missing} still to
        answer.
      </Text>
      <Table size="extra-small" aria-label="Prompt questions by theme" className={stack.table}>
        <TableHeader className={stack.head}>
          <TableRow>
            <TableHeaderCell>Theme</TableHeaderCell>
            <TableHeaderCell>Answered</TableHeaderCell>
            <TableHeaderCell>Not applicable</TableHeaderCell>
            <TableHeaderCell>Missing</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody className={stack.body}>
          {themed.map((t) => (
            <TableRow key={String(t.theme)} data-theme-row={String(t.theme)} className={stack.row}>
              <TableCell className={stack.lead}>
                {t.theme === null ? 'Other sections' : themeName(t.theme, themeTitles)}
              </TableCell>
              <TableCell data-testid={`answered-${t.theme}`} data-label="Answered" className={stack.cell}>
                {t.answered}
              </TableCell>
              <TableCell data-label="Not applicable" className={stack.cell}>
                {t.notApplicable}
              </TableCell>
              <TableCell data-label="Missing" className={stack.cell}>
                {t.missing}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
