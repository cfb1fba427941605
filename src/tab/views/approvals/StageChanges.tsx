/** What changed in a stage's plan since the person asking approved it: titles, then word by word. */
import { Button, Caption1, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { StageChangesDto, StageDto } from '../../../shared/api.js';
import { useSession } from '../../app/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';

const useStyles = makeStyles({
  box: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
    marginBlock: tokens.spacingVerticalS,
  },
  diff: { whiteSpace: 'pre-wrap', lineHeight: tokens.lineHeightBase400 },
  added: {
    backgroundColor: tokens.colorPaletteGreenBackground2,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'underline',
  },
  removed: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'line-through',
  },
});

export function StageChanges({ planId, stage }: { planId: string; stage: StageDto }) {
  const { api } = useSession();
  const styles = useStyles();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [changes, setChanges] = useState<StageChangesDto | null>(null);
  const since = stage.changedSince;
  if (since === null || (since.sections.length === 0 && !since.otherChanges)) return null;
  const show = async () => {
    setLoading(true);
    setError(null);
    try {
      setChanges(await api.stageChanges(planId, stage.key));
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };
  return (
    <div className={styles.box} data-testid={`changes-${stage.key}`}>
      <Text block weight="semibold">
        Changed since version {since.version}:{' '}
        {since.sections.length > 0 ? since.sections.map((s) => s.title).join(', ') : 'the report details'}
      </Text>
      {since.sections.length > 0 && changes === null && (
        <Button
          size="small"
          onClick={show}
          disabled={loading}
          icon={loading ? <Spinner size="tiny" /> : undefined}
        >
          Show what changed
        </Button>
      )}
      {error ? <ErrorNotice error={error} /> : null}
      {changes && !changes.textAvailable && (
        <Caption1 block>
          The text of version {changes.sinceVersion} is not in the library, so only the changed sections are
          named.
        </Caption1>
      )}
      {changes?.sections.map((section) => (
        <section key={section.key} aria-label={`What changed: ${section.title}`}>
          <Text block weight="semibold" as="h3">
            {section.title}
          </Text>
          {section.diff === null ? null : section.diff.every((p) => p.op === 'same') ? (
            <Caption1 block>The text is the same; its figures or answered questions changed.</Caption1>
          ) : (
            <p className={styles.diff}>
              {section.diff.map((part, i) =>
                part.op === 'added' ? (
                  <ins key={i} className={styles.added}>
                    {part.text}
                  </ins>
                ) : part.op === 'removed' ? (
                  <del key={i} className={styles.removed}>
                    {part.text}
                  </del>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )}
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
