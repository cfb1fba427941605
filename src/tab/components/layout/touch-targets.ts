/**
 * Touch targets at least 24 × 24 CSS px (WCAG 2.2, 2.5.8) for the small controls Fluent draws inside
 * others: a combobox's open button and a disclosure's summary line. Set once for the whole tab, dialogs
 * (rendered outside the page's main region) included.
 */
import { makeStaticStyles } from '@fluentui/react-components';

export const useTouchTargets = makeStaticStyles({
  '.fui-Combobox__expandIcon, .fui-Dropdown__expandIcon': {
    minWidth: '24px',
    minHeight: '24px',
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
  },
  summary: { minHeight: '24px', cursor: 'pointer' },
});
