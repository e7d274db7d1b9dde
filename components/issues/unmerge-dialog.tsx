"use client";

import { useState } from "react";
import type { IssueHash, UnmergeIssueResponse } from "@/lib/contracts/issue-merge";
import { formatCount } from "@/lib/format";
import { useUnmergeIssueMutation } from "@/lib/queries/issue-merge";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { DialogConfirmActions } from "../ui/dialog-confirm-actions";

interface Props {
  issueId: number;
  selected: IssueHash[];
  /** Every hash of the issue is selected: an issue keeps at least one. */
  everyHash: boolean;
  onUnmerged: (result: UnmergeIssueResponse) => void;
}

/** "Unmerge selected": says what will happen (events moving, labels, known overgroupings), then does it. */
export function UnmergeDialog({ issueId, selected, everyHash, onUnmerged }: Props) {
  const [open, setOpen] = useState(false);
  const unmerge = useUnmergeIssueMutation();
  const events = selected.reduce((sum, hash) => sum + hash.events, 0);
  const aiMerges = selected.filter((hash) => hash.ai !== null).length;
  const count = `${selected.length} ${selected.length === 1 ? "hash" : "hashes"}`;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) unmerge.reset();
      }}
      trigger={
        <Button
          variant={selected.length === 0 || everyHash ? "secondary" : "danger"}
          disabled={selected.length === 0 || everyHash}
        >
          Unmerge selected{selected.length ? ` (${selected.length})` : ""}
        </Button>
      }
      title={`Unmerge ${count} into a new issue?`}
      description={`${formatCount(events)} ${events === 1 ? "event moves" : "events move"} to a new issue, and the next events of these hashes go there.`}
    >
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>
          Recorded as your <strong>SEPARATE</strong> label for each unmerged hash against this issue&apos;s remaining
          primary hash, in the review data and the training export.
        </li>
        {aiMerges > 0 ? (
          <li>
            {aiMerges} of them came in by an AI merge: {aiMerges === 1 ? "that merge counts" : "those merges count"} as
            known overgroupings on the Overgrouping page.
          </li>
        ) : null}
        <li>Audited. Merging the issues again undoes it.</li>
      </ul>
      <DialogConfirmActions
        serverError={unmerge.error?.message}
        onCancel={() => setOpen(false)}
        confirmLabel={`Unmerge ${count}`}
        confirmDisabled={unmerge.isPending}
        onConfirm={() =>
          unmerge.mutate(
            { issueId, hashes: selected.map((hash) => hash.hash) },
            {
              onSuccess: (result) => {
                setOpen(false);
                onUnmerged(result);
              },
            },
          )
        }
      />
    </Dialog>
  );
}
