/**
 * Props for a form's submit button: pressing it keeps the focus in the field being typed in. Otherwise the
 * field loses focus on the press, its problem appears beneath it, the button moves down, and the release
 * lands beside the button — the click is lost. The click still submits, and the submit shows every problem
 * and moves the focus to the first.
 */
import type { MouseEvent } from 'react';

export const keepFocusOnPress = {
  onMouseDown: (event: MouseEvent) => event.preventDefault(),
} as const;
