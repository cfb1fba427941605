/**
 * Tables that reflow on a phone or in a narrow Teams panel (WCAG 2.2, 1.4.10): below `NARROW` each row
 * becomes a block of its own and each cell a line led by its column's name, taken from the cell's
 * `data-label` (the header row stays for screen readers but is not shown). Wide screens keep the table.
 */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Below this width the tab lays out for a phone: tables stack, rows of controls wrap. */
export const NARROW = '@media (max-width: 640px)';

const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

export const useStackedTable = makeStyles({
  table: { [NARROW]: { display: 'block', width: '100%', tableLayout: 'auto' } },
  head: { [NARROW]: visuallyHidden },
  body: { [NARROW]: { display: 'block' } },
  row: {
    [NARROW]: {
      display: 'block',
      paddingBlock: tokens.spacingVerticalS,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  /** A cell shown as "Column: value" (give it `data-label`). */
  cell: {
    [NARROW]: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'baseline',
      columnGap: tokens.spacingHorizontalS,
      height: 'auto',
      minHeight: 0,
      paddingInline: 0,
      paddingBlock: tokens.spacingVerticalXXS,
      overflowWrap: 'anywhere',
      '::before': {
        content: 'attr(data-label)',
        flexShrink: 0,
        minWidth: '6.5em',
        fontWeight: tokens.fontWeightSemibold,
        color: tokens.colorNeutralForeground2,
      },
    },
  },
  /** The cell that names the row (its title), shown as the block's heading line, without a label. */
  lead: {
    [NARROW]: {
      display: 'block',
      height: 'auto',
      paddingInline: 0,
      paddingBlock: tokens.spacingVerticalXXS,
      fontWeight: tokens.fontWeightSemibold,
      overflowWrap: 'anywhere',
    },
  },
  /** A cell holding only controls (a checkbox, buttons): no label, the controls on their own line. */
  controls: {
    [NARROW]: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: tokens.spacingHorizontalS,
      height: 'auto',
      paddingInline: 0,
      paddingBlock: tokens.spacingVerticalXS,
    },
  },
});

/** A link that is the whole content of a cell or list line: at least 24 px tall to touch (WCAG 2.5.8). */
export const useTouchLink = makeStyles({
  link: {
    display: 'inline-flex',
    alignItems: 'center',
    minHeight: '24px',
    textAlign: 'start',
  },
});
