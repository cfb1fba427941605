import {
  Badge,
  Button,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { PlanViewDto, SectionSummaryDto } from '../../../shared/api.js';
import { hrefFor } from '../../app/routes.js';
import { longDate, nameOf, STATUS_COLOUR, STATUS_LABEL, when } from '../../components/display-text.js';

const PART_LABEL = { plan: 'The plan', report: 'Cover report', implications: 'Implications' } as const;

export function SectionsTable({
  plan,
  onAssign,
}: {
  plan: PlanViewDto;
  onAssign: ((sectionKey: string) => void) | null;
}) {
  const parts = (['plan', 'report', 'implications'] as const)
    .map((part) => ({ part, sections: plan.sections.filter((s) => s.part === part) }))
    .filter((group) => group.sections.length > 0);
  return (
    <>
      {parts.map((group) => (
        <Table
          key={group.part}
          aria-label={`Sections: ${PART_LABEL[group.part]}`}
          size="small"
          style={{ marginTop: 16 }}
        >
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '30%' }}>{PART_LABEL[group.part]}</TableHeaderCell>
              <TableHeaderCell>Owner</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Due</TableHeaderCell>
              <TableHeaderCell>Last edit</TableHeaderCell>
              <TableHeaderCell>Words</TableHeaderCell>
              <TableHeaderCell>Questions</TableHeaderCell>
              {onAssign && <TableHeaderCell>Assign</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {group.sections.map((section) => (
              <SectionRow key={section.key} plan={plan} section={section} onAssign={onAssign} />
            ))}
          </TableBody>
        </Table>
      ))}
    </>
  );
}

function SectionRow({
  plan,
  section,
  onAssign,
}: {
  plan: PlanViewDto;
  section: SectionSummaryDto;
  onAssign: ((sectionKey: string) => void) | null;
}) {
  const q = section.questions;
  return (
    <TableRow data-section={section.key}>
      <TableCell>
        <Link href={hrefFor({ name: 'section', planId: plan.id, sectionKey: section.key })}>
          {section.title}
        </Link>
      </TableCell>
      <TableCell>
        {nameOf(plan.people, section.ownerId)}
        {section.contributorIds.length > 0 ? ` + ${section.contributorIds.length}` : ''}
      </TableCell>
      <TableCell>
        <Badge color={STATUS_COLOUR[section.status]} appearance="filled" data-status={section.status}>
          {STATUS_LABEL[section.status]}
        </Badge>
      </TableCell>
      <TableCell>{section.dueDate ? longDate(section.dueDate) : '—'}</TableCell>
      <TableCell>
        {section.lastEdit ? `${nameOf(plan.people, section.lastEdit.by)}, ${when(section.lastEdit.at)}` : '—'}
      </TableCell>
      <TableCell>
        {section.words} / {section.wordBudget}
      </TableCell>
      <TableCell>{q.total === 0 ? '—' : `${q.answered + q.notApplicable} of ${q.total}`}</TableCell>
      {onAssign && (
        <TableCell>
          <Button size="small" onClick={() => onAssign(section.key)} aria-label={`Assign ${section.title}`}>
            Assign
          </Button>
        </TableCell>
      )}
    </TableRow>
  );
}
