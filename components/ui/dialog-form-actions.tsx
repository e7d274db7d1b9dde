import { Button, type ButtonVariant } from "./button";
import { DialogActions } from "./dialog-actions";

interface Props {
  /** The server's error for the whole form, shown above the buttons. */
  serverError: string | undefined;
  onCancel: () => void;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  submitDisabled: boolean;
}

/** The end of a form in a dialog: its server error, then Cancel and the submit button, to the right. */
export function DialogFormActions({
  serverError,
  onCancel,
  submitLabel,
  submitVariant = "primary",
  submitDisabled,
}: Props) {
  return (
    <DialogActions
      serverError={serverError}
      onCancel={onCancel}
      action={
        <Button type="submit" variant={submitVariant} disabled={submitDisabled}>
          {submitLabel}
        </Button>
      }
    />
  );
}
