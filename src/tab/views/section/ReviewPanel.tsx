/** The plan lead's review: accept the section, or send it back with what needs to change. */
import { Button, Field, makeStyles, Spinner, Subtitle2, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SectionDto } from '../../../shared/api.js';
import { useSession } from '../../app/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';

const useStyles = makeStyles({
  panel: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    marginBlock: tokens.spacingVerticalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function ReviewPanel({
  section,
  onDone,
}: {
  section: SectionDto;
  onDone: (section: SectionDto) => void;
}) {
  const { api } = useSession();
  const styles = useStyles();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'accept' | 'changes' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const act = async (what: 'accept' | 'changes') => {
    setBusy(what);
    setError(null);
    try {
      onDone(
        what === 'accept'
          ? await api.accept(section.planId, section.key)
          : await api.requestChanges(section.planId, section.key, comment),
      );
      setComment('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className={styles.panel} aria-label="Review">
      <Subtitle2 block as="h2">
        Review
      </Subtitle2>
      {section.status === 'submitted' ? (
        <p style={{ margin: 0 }}>This section has been submitted for your review.</p>
      ) : (
        <p style={{ margin: 0 }}>
          This section has been accepted. You can still send it back with a comment.
        </p>
      )}
      <Field label="What needs to change (sent to the owner)">
        <Textarea value={comment} onChange={(_e, d) => setComment(d.value)} maxLength={2000} />
      </Field>
      <div className={styles.actions}>
        {section.status === 'submitted' && (
          <Button
            appearance="primary"
            disabled={busy !== null}
            onClick={() => act('accept')}
            icon={busy === 'accept' ? <Spinner size="tiny" /> : undefined}
          >
            {busy === 'accept' ? 'Accepting…' : 'Accept section'}
          </Button>
        )}
        <Button
          disabled={busy !== null || comment.trim() === ''}
          onClick={() => act('changes')}
          icon={busy === 'changes' ? <Spinner size="tiny" /> : undefined}
        >
          {busy === 'changes' ? 'Sending…' : 'Request changes'}
        </Button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
