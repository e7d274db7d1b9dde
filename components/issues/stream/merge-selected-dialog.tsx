"use client";

import Link from "next/link";
import { useState } from "react";
import type { MergeIssuesResponse } from "@/lib/contracts/issue-merge";
import { formatCount } from "@/lib/format";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { MergeIssuesForm } from "../merge-issues-form";

export interface PickedIssue {
  id: number;
  title: string;
  eventCount: number;
}

function MergeForm({
  picked,
  onCancel,
  onMerged,
}: {
  picked: PickedIssue[];
  onCancel: () => void;
  onMerged: (result: MergeIssuesResponse) => void;
}) {
  // The issue with the most events is kept by default: its id is the one most links point at.
  const [into, setInto] = useState(() => [...picked].sort((a, b) => b.eventCount - a.eventCount)[0]!.id);
  return (
    <MergeIssuesForm
      label="Merge the selected issues"
      request={{ issueIds: picked.map((issue) => issue.id), into }}
      submitLabel={`Merge ${picked.length} issues`}
      canSubmit
      onCancel={onCancel}
      onMerged={onMerged}
    >
      <fieldset>
        <legend className="text-sm font-medium">Keep this issue (the others are merged into it)</legend>
        <ul className="mt-2 space-y-1">
          {picked.map((issue) => (
            <li key={issue.id}>
              <label className="flex cursor-pointer items-start gap-2 text-sm">
                <input
                  type="radio"
                  name="into"
                  className="mt-1"
                  checked={into === issue.id}
                  onChange={() => setInto(issue.id)}
                />
                <span>
                  <span className="font-mono text-xs text-slate-500">#{issue.id}</span> {issue.title}{" "}
                  <span className="text-xs text-slate-500">({formatCount(issue.eventCount)} events)</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p className="text-sm text-slate-700">
        {picked.length === 2 ? "The other issue's" : `The other ${picked.length - 1} issues'`} hashes and events move to
        the kept one, and their links lead to it. Recorded as your GROUP {picked.length === 2 ? "label" : "labels"};
        audited.
      </p>
    </MergeIssuesForm>
  );
}

/** "Merge selected" on the issue stream: pick which of the selected issues stays, then merge the others into it. */
export function MergeSelectedDialog({ picked, onMerged }: { picked: PickedIssue[]; onMerged: () => void }) {
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<MergeIssuesResponse | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Dialog
        open={open}
        onOpenChange={setOpen}
        trigger={
          <Button variant={picked.length >= 2 ? "primary" : "secondary"} disabled={picked.length < 2}>
            Merge selected{picked.length ? ` (${picked.length})` : ""}
          </Button>
        }
        title={`Merge ${picked.length} issues`}
        description="One of them stays; the others are merged into it and disappear."
      >
        <MergeForm
          picked={picked}
          onCancel={() => setOpen(false)}
          onMerged={(merged) => {
            setOpen(false);
            setResult(merged);
            onMerged();
          }}
        />
      </Dialog>
      {result ? (
        <p role="status" className="text-sm text-emerald-800">
          Merged {result.merged.length} {result.merged.length === 1 ? "issue" : "issues"} into{" "}
          <Link href={`/issues/${result.issue.id}`} className="font-medium text-indigo-700 hover:underline">
            {result.issue.title}
          </Link>
          .
        </p>
      ) : picked.length < 2 ? (
        <p className="text-xs text-slate-600">Select two or more issues to merge them.</p>
      ) : null}
    </div>
  );
}
