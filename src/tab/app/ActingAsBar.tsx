/**
 * Local mode only: who the tab acts as, picked from the demo directory. Marked plainly, because nobody
 * is signed in: the server accepts this only when it runs in local mode.
 */
import { Field, Link, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { PersonDto } from '../../shared/api.js';
import { useLayout } from './use-layout.js';

const KEY = 'pb.actingAs';

export const rememberedActingAs = (): string | null => {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
};

export const rememberActingAs = (id: string): void => {
  try {
    window.localStorage.setItem(KEY, id);
  } catch {
    // private browsing: the choice lasts for this page only
  }
};

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThick} dashed ${tokens.colorPaletteYellowBorder2}`,
  },
  label: { fontWeight: tokens.fontWeightSemibold },
  // The picker's options are long ("Name — job title"): it takes the room there is, and on a phone its
  // label sits above it, so the bar wraps inside the screen instead of running off it.
  field: { minWidth: 0, maxWidth: '100%' },
  select: { minWidth: 0, maxWidth: '100%', '& select': { minWidth: 0, textOverflow: 'ellipsis' } },
});

export function ActingAsBar(props: {
  people: readonly PersonDto[];
  selected: string;
  onChange: (id: string) => void;
  /** Their Agents Playground page (npm start runs one per seat), to see the bot as them. */
  playgroundUrl?: string | null;
}) {
  const styles = useStyles();
  // Local mode runs in a browser, never in a Teams client: only the width decides.
  const compact = useLayout(null) === 'compact';
  return (
    <div className={styles.bar} role="region" aria-label="Local mode: acting as">
      <span className={styles.label}>Local mode — not signed in.</span>
      <Field label="Acting as" orientation={compact ? 'vertical' : 'horizontal'} className={styles.field}>
        <Select
          className={styles.select}
          value={props.selected}
          onChange={(_event, data) => props.onChange(data.value)}
          data-testid="acting-as"
        >
          {props.people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
              {person.jobTitle ? ` — ${person.jobTitle}` : ''}
            </option>
          ))}
        </Select>
      </Field>
      {props.playgroundUrl ? (
        <Link href={props.playgroundUrl} target="_blank" rel="noreferrer" data-testid="acting-as-playground">
          Their Agents Playground: {props.playgroundUrl}
        </Link>
      ) : null}
    </div>
  );
}
