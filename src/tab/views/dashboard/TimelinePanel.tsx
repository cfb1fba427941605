import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { PlanViewDto } from '../../../shared/api.js';
import { longDate } from '../../components/display-text.js';

export function TimelinePanel({ timeline }: { timeline: PlanViewDto['timeline'] }) {
  const warned = new Set(timeline.warnings.flatMap((w) => w.entryKeys));
  return (
    <>
      {timeline.warnings.map((warning, i) => (
        <MessageBar key={i} intent="warning" layout="multiline" style={{ marginBlock: 4 }}>
          <MessageBarBody>{warning.message}</MessageBarBody>
        </MessageBar>
      ))}
      {timeline.entries.length === 0 ? (
        <Text block as="p">
          Set the decision meeting or the submission deadline to see the timeline.
        </Text>
      ) : (
        <ol aria-label="Timeline" style={{ paddingInlineStart: 20 }}>
          {[...timeline.entries]
            .sort((a, b) => a.date.localeCompare(b.date))
            .map((entry) => (
              <li key={entry.key}>
                <strong>{longDate(entry.date)}</strong> — {entry.label}
                {entry.origin === 'derived' ? ' (worked back)' : ''}
                {warned.has(entry.key) ? ' ⚠ see the warning above' : ''}
              </li>
            ))}
        </ol>
      )}
    </>
  );
}
