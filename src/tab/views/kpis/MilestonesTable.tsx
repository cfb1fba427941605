/** The plan's milestones: owner, due date, where each stands (a pill that wraps its text), and actions. */
import { Badge, Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PeopleDto } from '../../../shared/api.js';
import type { MilestoneCardDto } from '../../../shared/kpi-api.js';
import { longDate, nameOf } from '../../components/display-text.js';
import { useStackedTable } from '../../components/layout/stacked-table.js';
import { RAG_COLOUR } from './kpi-format.js';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', '& th': { textAlign: 'left' } },
  // A long status ("Delayed: new date 3 March 2026") wraps inside its pill instead of spilling out of it.
  pill: {
    height: 'auto',
    minHeight: '20px',
    whiteSpace: 'normal',
    textAlign: 'start',
    paddingBlock: tokens.spacingVerticalXXS,
  },
});

export function MilestonesTable(props: {
  milestones: readonly MilestoneCardDto[];
  people: PeopleDto;
  canManage: boolean;
  onEdit: (card: MilestoneCardDto) => void;
  onProgress: (card: MilestoneCardDto) => void;
}) {
  const styles = useStyles();
  const stack = useStackedTable();
  if (props.milestones.length === 0) return <p>No milestones yet.</p>;
  return (
    <table aria-label="Milestones" className={mergeClasses(styles.table, stack.table)}>
      <thead className={stack.head}>
        <tr>
          <th scope="col">Milestone</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Status</th>
          <th scope="col">Note</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody className={stack.body}>
        {props.milestones.map((card) => (
          <tr key={card.milestone.id} data-milestone={card.milestone.id} className={stack.row}>
            <td className={stack.lead}>{card.milestone.title}</td>
            <td data-label="Owner" className={stack.cell}>
              {nameOf(props.people, card.milestone.ownerId)}
            </td>
            <td data-label="Due" className={stack.cell}>
              {longDate(card.milestone.dueDate)}
            </td>
            <td data-label="Status" className={stack.cell}>
              <Badge
                appearance="tint"
                className={styles.pill}
                color={RAG_COLOUR[card.progress.rag]}
                data-state={card.progress.state}
              >
                {card.progress.label}
              </Badge>
            </td>
            <td data-label="Note" className={stack.cell}>
              {card.milestone.note ?? ''}
            </td>
            <td className={stack.controls}>
              {card.canUpdate ? (
                <Button size="small" onClick={() => props.onProgress(card)}>
                  Update progress of {card.milestone.title}
                </Button>
              ) : null}{' '}
              {props.canManage ? (
                <Button size="small" onClick={() => props.onEdit(card)}>
                  Edit {card.milestone.title}
                </Button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
