import { Button } from "./button";
import { FormError } from "./form-error";

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
    <>
      <FormError message={serverError} className="mt-3 text-sm" />
      <div className="mt-4 flex justify-end gap-2">
        <Button size="xs" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="danger" disabled={confirmDisabled} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </>
  );
}
