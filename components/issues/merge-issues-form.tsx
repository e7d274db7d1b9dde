import type { ReactNode } from "react";
import type { MergeIssuesRequest, MergeIssuesResponse } from "@/lib/contracts/issue-merge";
import { useMergeIssuesMutation } from "@/lib/queries/issue-merge";
import { DialogFormActions } from "../ui/dialog-form-actions";

interface Props {
  /** The form's accessible name. */
  label: string;
  /** The merge the form sends, as its fields stand. */
  request: MergeIssuesRequest;
  submitLabel: string;
  canSubmit: boolean;
  onCancel: () => void;
  onMerged: (result: MergeIssuesResponse) => void;
  /** The fields that choose the issues, and what the merge will do. */
  children: ReactNode;
}

/** The form of a merge dialog: its fields, then the server's error, Cancel and the merge button. */
export function MergeIssuesForm({ label, request, submitLabel, canSubmit, onCancel, onMerged, children }: Props) {
  const merge = useMergeIssuesMutation();
  return (
    <form
      className="mt-4 space-y-3"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        merge.mutate(request, { onSuccess: onMerged });
      }}
    >
      {children}
      <DialogFormActions
        serverError={merge.error?.message}
        onCancel={onCancel}
        submitLabel={submitLabel}
        submitDisabled={!canSubmit || merge.isPending}
      />
    </form>
  );
}
