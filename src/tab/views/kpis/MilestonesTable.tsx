import { Badge, Button } from '@fluentui/react-components';
import type { PeopleDto } from '../../../shared/api.js';
import type { MilestoneCardDto } from '../../../shared/kpi-api.js';
import { longDate, nameOf } from '../../components/display-text.js';
import { RAG_COLOUR } from './kpi-format.js';

export function MilestonesTable(props: {
  milestones: readonly MilestoneCardDto[];
  people: PeopleDto;
  canManage: boolean;
  onEdit: (card: MilestoneCardDto) => void;
  onProgress: (card: MilestoneCardDto) => void;
}) {
  if (props.milestones.length === 0) return <p>No milestones yet.</p>;
  return (
    <table aria-label="Milestones" style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          <th scope="col" style={{ textAlign: 'left' }}>
            Milestone
          </th>
          <th scope="col" style={{ textAlign: 'left' }}>
            Owner
          </th>
          <th scope="col" style={{ textAlign: 'left' }}>
            Due
          </th>
          <th scope="col" style={{ textAlign: 'left' }}>
            Status
          </th>
          <th scope="col" style={{ textAlign: 'left' }}>
            Note
          </th>
          <th scope="col" style={{ textAlign: 'left' }}>
            Actions
          </th>
        </tr>
      </thead>
      <tbody>
        {props.milestones.map((card) => (
          <tr key={card.milestone.id} data-milestone={card.milestone.id}>
            <td>{card.milestone.title}</td>
            <td>{nameOf(props.people, card.milestone.ownerId)}</td>
            <td>{longDate(card.milestone.dueDate)}</td>
            <td>
              <Badge appearance="tint" color={RAG_COLOUR[card.progress.rag]} data-state={card.progress.state}>
                {card.progress.label}
              </Badge>
            </td>
            <td>{card.milestone.note ?? ''}</td>
            <td>
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
