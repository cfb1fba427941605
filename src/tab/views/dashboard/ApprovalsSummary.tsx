import { Badge, Link, Text } from '@fluentui/react-components';
import type { PlanViewDto } from '../../../shared/api.js';
import { hrefFor } from '../../app/routes.js';
import { useTouchLink } from '../../components/layout/stacked-table.js';

export function ApprovalsSummary({ plan }: { plan: PlanViewDto }) {
  const touch = useTouchLink();
  return (
    <>
      <ol style={{ paddingInlineStart: 20 }}>
        {plan.stages.map((stage) => (
          <li key={stage.key}>
            {stage.title} <Badge appearance="outline">{stage.state}</Badge>
            {stage.tally && stage.state === 'open'
              ? ` ${stage.tally.approved.length} of ${stage.tally.needed} approvals`
              : ''}
          </li>
        ))}
      </ol>
      <Text block as="p">
        <Link href={hrefFor({ name: 'approvals', planId: plan.id })} className={touch.link}>
          See every stage and response
        </Link>
      </Text>
    </>
  );
}
