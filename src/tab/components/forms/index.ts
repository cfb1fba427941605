/** The pieces every form shares: the dialog shell, one submit, field problems, dates, unsaved work. */
export { ConfirmDialog, type ConfirmChoice } from './ConfirmDialog.js';
export { DateInput } from './DateInput.js';
export { dateProblem } from './date-problem.js';
export { useFieldCheck, type FieldCheck, type Problems } from './field-problems.js';
export { FormDialog } from './FormDialog.js';
export { FormErrors, problemsIn } from './FormErrors.js';
export { keepFocusOnPress } from './keep-focus.js';
export { useRestoreFocus } from './restore-focus.js';
export { differs, useDirty, useInitial } from './use-dirty.js';
export { useSubmit, type Submit } from './use-submit.js';
