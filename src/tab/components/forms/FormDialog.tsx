/**
 * The one dialog shell every form uses: title, fields, the error in words, Cancel and the submit button
 * with its progress. Closing while something typed is unsaved asks first; closing while the submit runs
 * is not possible; focus goes back where it came from.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  mergeClasses,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useUnsavedWork } from '../../app/leave-guard.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { FormErrors } from './FormErrors.js';
import { keepFocusOnPress } from './keep-focus.js';
import { useRestoreFocus } from './restore-focus.js';
import type { Submit } from './use-submit.js';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(600px, calc(100vw - 16px))', boxSizing: 'border-box' },
  wide: { maxWidth: 'min(760px, calc(100vw - 16px))' },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    // Long option texts and values wrap inside the dialog instead of running past its edge.
    minWidth: 0,
    '& .fui-Field': { minWidth: 0 },
    '& .fui-Select, & .fui-Input': { minWidth: 0, maxWidth: '100%' },
    '& select': { minWidth: 0, textOverflow: 'ellipsis' },
  },
});

export function FormDialog(props: {
  title: string;
  submit: Submit;
  submitLabel: string;
  busyLabel: string;
  onClose: () => void;
  /** Something typed would be lost by closing now. */
  dirty: boolean;
  children: ReactNode;
  wide?: boolean;
  /** Set while what the form needs is still loading. */
  notReady?: boolean;
  testId?: string;
}) {
  const styles = useStyles();
  useRestoreFocus();
  useUnsavedWork(props.dirty, `The form “${props.title}”`);
  const [asking, setAsking] = useState(false);
  const { submit } = props;
  const close = () => {
    if (submit.busy) return;
    if (props.dirty) setAsking(true);
    else props.onClose();
  };
  return (
    <>
      <Dialog open onOpenChange={(_event, data) => !data.open && close()}>
        <DialogSurface
          aria-describedby={undefined}
          className={mergeClasses(styles.surface, props.wide && styles.wide)}
          data-testid={props.testId}
        >
          <form onSubmit={(event) => void submit.run(event)} noValidate>
            <DialogBody>
              <DialogTitle>{props.title}</DialogTitle>
              <DialogContent className={styles.content}>
                {props.children}
                <FormErrors error={submit.error} />
              </DialogContent>
              <DialogActions>
                <Button onClick={close} disabled={submit.busy}>
                  Cancel
                </Button>
                <Button
                  type="submit"
                  appearance="primary"
                  {...keepFocusOnPress}
                  disabled={submit.busy || props.notReady === true}
                  icon={submit.busy ? <Spinner size="tiny" /> : undefined}
                >
                  {submit.busy ? props.busyLabel : props.submitLabel}
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
      {asking ? (
        <ConfirmDialog
          title="Discard what you typed?"
          cancel={{ label: 'Keep editing', onChoose: () => setAsking(false), testId: 'keep-editing' }}
          choices={[
            {
              label: 'Discard',
              onChoose: () => {
                setAsking(false);
                props.onClose();
              },
              testId: 'discard',
            },
          ]}
        >
          What you typed in “{props.title}” has not been saved. If you close the form now, it is lost.
        </ConfirmDialog>
      ) : null}
    </>
  );
}
