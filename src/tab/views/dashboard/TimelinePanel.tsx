import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { PlanViewDto } from '../../../shared/api.js';
import { longDate } from '../../components/display-text.js';

export function TimelinePanel({
  timeline,
  callIn,
}: {
  timeline: PlanViewDto['timeline'];
  callIn?: PlanViewDto['callIn'];
}) {
  const warned = new Set(timeline.warnings.flatMap((w) => w.entryKeys));
  return (
    <>
      {callIn ? (
        <MessageBar
          intent={callIn.open ? 'info' : 'success'}
          style={{ marginBlock: 4 }}
          data-testid="call-in"
        >
          <MessageBarBody>
            {callIn.open
              ? `The decision is open to call-in until the end of ${longDate(callIn.endsOn)}: publication and submission wait until then.`
              : `The call-in period ended on ${longDate(callIn.endsOn)}.`}
          </MessageBarBody>
        </MessageBar>
      ) : null}
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
