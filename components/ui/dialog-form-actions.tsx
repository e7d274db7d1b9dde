import { Button, type ButtonVariant } from "./button";
import { FormError } from "./form-error";

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
    <>
      <FormError message={serverError} />
      <div className="flex justify-end gap-2">
        <Button size="xs" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant={submitVariant} disabled={submitDisabled}>
          {submitLabel}
        </Button>
      </div>
    </>
  );
}
