import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ActionItemDto, PlanViewDto } from '../../../shared/api.js';
import { hrefFor } from '../../app/routes.js';
import { longDate } from '../../components/display-text.js';
import { namesOf } from '../../components/contribution-text.js';

function target(planId: string, item: ActionItemDto): string {
  if (item.sectionKey) return hrefFor({ name: 'section', planId, sectionKey: item.sectionKey });
  return hrefFor({ name: 'approvals', planId });
}

export function NeedsMyAction({ plan }: { plan: PlanViewDto }) {
  if (plan.needsMyAction.length === 0) {
    return (
      <MessageBar intent="success" style={{ marginBlock: 12 }}>
        <MessageBarBody>Nothing needs your action on this plan just now.</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="info" layout="multiline" style={{ marginBlock: 12 }}>
      <MessageBarBody>
        <MessageBarTitle>Needs your action</MessageBarTitle>
        <ul aria-label="Needs your action" style={{ margin: 0, paddingInlineStart: 20 }}>
          {plan.needsMyAction.map((item) => (
            <li key={`${item.kind}:${item.sectionKey ?? item.stageKey}`} style={{ paddingBlock: 4 }}>
              <Link href={target(plan.id, item)}>{item.label}</Link>
              {item.waitingFor.length > 0 ? ` — waiting for ${namesOf(plan.people, item.waitingFor)}` : ''}
              {item.dueDate ? ` — due ${longDate(item.dueDate)}` : ''}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
