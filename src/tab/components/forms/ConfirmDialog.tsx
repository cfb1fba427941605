/** A question that needs an answer before going on: discard typed text, leave a page, delete a plan. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useRestoreFocus } from './restore-focus.js';

export interface ConfirmChoice {
  readonly label: string;
  readonly onChoose: () => void;
  readonly appearance?: 'primary' | 'secondary';
  readonly busy?: boolean;
  readonly testId?: string;
}

export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  /** The way back: closing the dialog (Esc) chooses it too. */
  cancel: ConfirmChoice;
  choices: readonly ConfirmChoice[];
}) {
  useRestoreFocus();
  const busy = props.choices.some((c) => c.busy === true);
  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open && !busy) props.cancel.onChoose();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions fluid>
            <Button onClick={props.cancel.onChoose} disabled={busy} data-testid={props.cancel.testId}>
              {props.cancel.label}
            </Button>
            {props.choices.map((choice) => (
              <Button
                key={choice.label}
                appearance={choice.appearance ?? 'secondary'}
                onClick={choice.onChoose}
                disabled={busy}
                data-testid={choice.testId}
                icon={choice.busy ? <Spinner size="tiny" /> : undefined}
              >
                {choice.label}
              </Button>
            ))}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
