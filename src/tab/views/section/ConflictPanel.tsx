/** Someone saved this section while you were writing: both versions side by side, and the choices. */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { RichText } from '../../../domain/sections/rich-text.js';
import { RichTextView } from '../../rich-text/RichTextView.js';
import { nameOf, when } from '../../components/display-text.js';
import type { Conflict, Resolution } from './use-draft.js';

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(280px, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  version: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    maxHeight: '320px',
    overflowY: 'auto',
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalM,
  },
});

export function ConflictPanel({
  conflict,
  mine,
  onResolve,
}: {
  conflict: Conflict;
  mine: RichText;
  onResolve: (choice: Resolution) => void;
}) {
  const styles = useStyles();
  const edit = conflict.theirs.lastEdit;
  const who = edit ? nameOf(conflict.theirs.people, edit.by) : 'Someone';
  return (
    <section aria-label="Conflict" data-testid="conflict">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{who} saved this section while you were writing</MessageBarTitle>
          {edit ? `Their version was saved ${when(edit.at)}. ` : ''}
          Your text has not been saved over theirs, and nothing you typed is lost. Choose how to combine them.
        </MessageBarBody>
      </MessageBar>
      <div className={styles.columns}>
        <div>
          <Subtitle2 block as="h3">
            Their version
          </Subtitle2>
          <div className={styles.version} data-testid="conflict-theirs">
            <RichTextView content={conflict.theirs.content} />
          </div>
        </div>
        <div>
          <Subtitle2 block as="h3">
            Your version
          </Subtitle2>
          <div className={styles.version} data-testid="conflict-mine">
            <RichTextView content={mine} />
          </div>
        </div>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => onResolve('merge')}>
          Merge: keep both
        </Button>
        <Button onClick={() => onResolve('theirs')}>Use their version, drop mine</Button>
        <Button onClick={() => onResolve('mine')}>Use my version in place of theirs</Button>
      </div>
    </section>
  );
}
