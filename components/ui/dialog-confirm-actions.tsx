import { Button } from "./button";
import { DialogActions } from "./dialog-actions";

interface Props {
  /** The server's error of the last attempt, shown above the buttons. */
  serverError: string | undefined;
  onCancel: () => void;
  /** The destructive action the dialog asks to confirm. */
  confirmLabel: string;
  onConfirm: () => void;
  confirmDisabled: boolean;
}

/** The end of a confirmation dialog (no form): the server's error, then Cancel and the danger button, to the right. */
export function DialogConfirmActions({ serverError, onCancel, confirmLabel, onConfirm, confirmDisabled }: Props) {
  return (
    <DialogActions
      spaced
      serverError={serverError}
      onCancel={onCancel}
      action={
        <Button variant="danger" disabled={confirmDisabled} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      }
    />
  );
}
