/**
 * What a set of dates would give, before anything is saved: the timeline worked back from them and its
 * warnings. Asked of the server a moment after the dates stop changing.
 */
import { makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TimelinePreviewDto } from '../../../shared/api.js';
import { describeError } from '../../api/client.js';
import { longDate } from '../../components/display-text.js';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

export function TimelinePreview(props: {
  load: () => Promise<TimelinePreviewDto>;
  deps: readonly unknown[];
  /** Show the worked-back dates as well as the warnings. */
  full?: boolean;
}) {
  const styles = useStyles();
  const [preview, setPreview] = useState<TimelinePreviewDto | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    let live = true;
    setChecking(true);
    const timer = setTimeout(() => {
      props.load().then(
        (answer) => {
          if (!live) return;
          setPreview(answer);
          setProblem(null);
          setChecking(false);
        },
        (error: unknown) => {
          if (!live) return;
          setProblem(describeError(error).detail);
          setChecking(false);
        },
      );
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, props.deps);

  const timeline = preview?.timeline;
  return (
    <section className={styles.box} aria-label="What these dates give" data-testid="timeline-preview">
      <Text weight="semibold" role="status" aria-live="polite">
        {checking ? (
          <>
            <Spinner size="extra-tiny" as="span" aria-label="Checking the dates" /> Checking the dates…
          </>
        ) : problem ? (
          `These dates cannot be used: ${problem}`
        ) : timeline && timeline.warnings.length === 0 ? (
          'These dates leave enough time at every step.'
        ) : timeline ? (
          `${timeline.warnings.length} warning${timeline.warnings.length === 1 ? '' : 's'} about these dates:`
        ) : (
          ''
        )}
      </Text>
      {!checking && timeline && timeline.warnings.length > 0 ? (
        <ul className={styles.list} data-testid="timeline-preview-warnings">
          {timeline.warnings.map((warning, i) => (
            <li key={i}>{warning.message}</li>
          ))}
        </ul>
      ) : null}
      {props.full && !checking && timeline && timeline.entries.length > 0 ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <ol className={styles.list} aria-label="Timeline with these dates">
              {[...timeline.entries]
                .sort((a, b) => a.date.localeCompare(b.date))
                .map((entry) => (
                  <li key={entry.key}>
                    {longDate(entry.date)} — {entry.label}
                  </li>
                ))}
            </ol>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
