/**
 * A failed submit in words. A refusal that lists its problems (details.problems) shows every one of them;
 * anything else shows what happened and what to do next.
 */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { ErrorNotice } from '../ErrorNotice.js';

const useStyles = makeStyles({ list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL } });

/** The problems a refusal lists (details.problems), or none. */
export function problemsIn(error: unknown): string[] {
  const details = (error as { details?: Readonly<Record<string, unknown>> } | null)?.details;
  const problems = details?.['problems'];
  return Array.isArray(problems) ? problems.map(String) : [];
}

export function FormErrors({ error }: { error: unknown }) {
  const styles = useStyles();
  if (!error) return null;
  const problems = problemsIn(error);
  if (problems.length === 0) return <ErrorNotice error={error} />;
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="form-problems">
      <MessageBarBody>
        <MessageBarTitle>
          Please correct {problems.length === 1 ? 'this' : `these ${problems.length} things`}
        </MessageBarTitle>
        <ul className={styles.list}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
