import type { ReactNode } from "react";
import { Button } from "./button";
import { FormError } from "./form-error";

interface Props {
  /** The server's error of the last attempt, shown above the buttons. */
  serverError: string | undefined;
  onCancel: () => void;
  /** The dialog's own button, after Cancel. */
  action: ReactNode;
  /** Space above the error and the buttons, for a dialog without a form to space them. */
  spaced?: boolean;
}

/** The end of a dialog: the server's error, then Cancel and the dialog's action, to the right. */
export function DialogActions({ serverError, onCancel, action, spaced = false }: Props) {
  return (
    <>
      <FormError message={serverError} className={spaced ? "mt-3 text-sm" : undefined} />
      <div className={`${spaced ? "mt-4 " : ""}flex justify-end gap-2`}>
        <Button size="xs" onClick={onCancel}>
          Cancel
        </Button>
        {action}
      </div>
    </>
  );
}
