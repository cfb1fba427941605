/**
 * The report header rows still empty, each named, with the way to the settings where they are filled.
 * Shown before "Start" and, as the server's refusal (HEADER_INCOMPLETE), after it: approvals do not start
 * while the cover report would go out with a required row empty.
 */
import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { ApiError } from '../../api/client.js';
import { hrefFor } from '../../app/routes.js';

const useStyles = makeStyles({ list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL } });

/** The labels a HEADER_INCOMPLETE refusal names, or null for any other failure. */
export function missingHeaderIn(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.code !== 'HEADER_INCOMPLETE') return null;
  const fields = error.details?.['fields'];
  return Array.isArray(fields) ? fields.map((f) => String((f as { label?: unknown }).label ?? f)) : [];
}

export function MissingHeaderNotice(props: { planId: string; labels: readonly string[]; refused?: boolean }) {
  const styles = useStyles();
  return (
    <MessageBar
      intent={props.refused ? 'error' : 'warning'}
      layout="multiline"
      role={props.refused ? 'alert' : undefined}
      data-testid={props.refused ? 'start-refused-header' : 'approvals-missing-header'}
    >
      <MessageBarBody>
        <MessageBarTitle>
          {props.refused ? 'Approvals did not start' : 'Approvals cannot start yet'}
        </MessageBarTitle>
        The cover report’s header has {props.labels.length === 1 ? 'a required row' : 'required rows'} still
        empty:
        <ul className={styles.list} aria-label="Header rows still empty">
          {props.labels.map((label) => (
            <li key={label}>{label}</li>
          ))}
        </ul>
        <Link href={hrefFor({ name: 'settings', planId: props.planId })}>Fill them in the plan settings</Link>
        .
      </MessageBarBody>
    </MessageBar>
  );
}
