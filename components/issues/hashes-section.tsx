"use client";

import Link from "next/link";
import { useState } from "react";
import type { UnmergeIssueResponse } from "@/lib/contracts/issue-merge";
import { useIssueHashesQuery } from "@/lib/queries/issue-merge";
import { DataTable } from "../ui/data-table";
import { ErrorState, LoadingState } from "../ui/states";
import { HashRow } from "./hash-row";
import { UnmergeDialog } from "./unmerge-dialog";

/**
 * The issue's hashes, each with a sample event and how it came in; for a user who may change the issue, checkboxes
 * and "Unmerge selected", which moves the selected hashes and their events to a new issue.
 */
export function HashesSection({ issueId, canEdit }: { issueId: number; canEdit: boolean }) {
  const query = useIssueHashesQuery(issueId);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [unmerged, setUnmerged] = useState<UnmergeIssueResponse | null>(null);
  if (query.isPending) return <LoadingState label="Loading the issue's hashes…" />;
  if (query.isError) return <ErrorState title="Could not load the issue's hashes." error={query.error} />;
  const { hashes, truncated } = query.data;
  // A hash unmerged (or merged away) since it was picked is no longer the issue's.
  const picked = hashes.filter((hash) => selected.has(hash.hash));
  const toggle = (hash: string, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(hash);
      else next.delete(hash);
      return next;
    });
  return (
    <section aria-labelledby="hashes-heading" className="mb-6">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="hashes-heading" className="text-sm font-semibold">
          Hashes ({hashes.length}
          {truncated ? "+" : ""})
        </h2>
        {canEdit ? (
          <div className="flex items-center gap-3">
            {picked.length > 0 && picked.length === hashes.length ? (
              <p className="text-xs text-amber-800">An issue keeps at least one hash: leave one out.</p>
            ) : null}
            <UnmergeDialog
              issueId={issueId}
              selected={picked}
              everyHash={picked.length === hashes.length}
              onUnmerged={(result) => {
                setSelected(new Set());
                setUnmerged(result);
              }}
            />
          </div>
        ) : null}
      </div>
      {unmerged ? (
        <p role="status" className="mb-2 rounded bg-emerald-50 p-2 text-sm text-emerald-900">
          Unmerged {unmerged.movedHashes} {unmerged.movedHashes === 1 ? "hash" : "hashes"} and {unmerged.movedEvents}{" "}
          {unmerged.movedEvents === 1 ? "event" : "events"} into{" "}
          <Link href={`/issues/${unmerged.issue.id}`} className="font-medium text-indigo-700 hover:underline">
            issue {unmerged.issue.id}
          </Link>
          ; {unmerged.labels.length} SEPARATE {unmerged.labels.length === 1 ? "label" : "labels"} recorded
          {unmerged.knownOvergroupings ? `, ${unmerged.knownOvergroupings} known overgrouping` : ""}.
        </p>
      ) : null}
      <DataTable
        caption="Hashes of this issue"
        columns={[
          ...(canEdit ? [{ label: "Select", hidden: true }] : []),
          "Hash",
          { label: "Events", align: "right" as const },
          "How it came in",
          "Sample event",
        ]}
        alignTop
      >
        {hashes.map((hash) => (
          <HashRow
            key={hash.hash}
            hash={hash}
            selection={
              canEdit
                ? { checked: selected.has(hash.hash), onChange: (checked) => toggle(hash.hash, checked) }
                : undefined
            }
          />
        ))}
      </DataTable>
    </section>
  );
}
