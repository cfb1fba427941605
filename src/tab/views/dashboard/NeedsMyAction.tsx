import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { ActionItemDto, PlanViewDto } from '../../../shared/api.js';
import { hrefFor } from '../../app/routes.js';
import { longDate } from '../../components/display-text.js';
import { namesOf } from '../../components/contribution-text.js';
import { useTouchLink } from '../../components/layout/stacked-table.js';

const useStyles = makeStyles({
  bar: { marginBlock: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  item: { paddingBlock: tokens.spacingVerticalXXS },
});

function target(planId: string, item: ActionItemDto): string {
  if (item.sectionKey) return hrefFor({ name: 'section', planId, sectionKey: item.sectionKey });
  return hrefFor({ name: 'approvals', planId });
}

export function NeedsMyAction({ plan }: { plan: PlanViewDto }) {
  const styles = useStyles();
  const touch = useTouchLink();
  if (plan.needsMyAction.length === 0) {
    return (
      <MessageBar intent="success" className={styles.bar}>
        <MessageBarBody>Nothing needs your action on this plan just now.</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="info" layout="multiline" className={styles.bar}>
      <MessageBarBody>
        <MessageBarTitle>Needs your action</MessageBarTitle>
        <ul aria-label="Needs your action" className={styles.list}>
          {plan.needsMyAction.map((item) => (
            <li key={`${item.kind}:${item.sectionKey ?? item.stageKey}`} className={styles.item}>
              <Link href={target(plan.id, item)} className={touch.link}>
                {item.label}
              </Link>
              {item.waitingFor.length > 0 ? ` — waiting for ${namesOf(plan.people, item.waitingFor)}` : ''}
              {item.dueDate ? ` — due ${longDate(item.dueDate)}` : ''}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
