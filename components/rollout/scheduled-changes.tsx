"use client";

import { useCancelScheduledMutation, useScheduledChangesQuery } from "@/lib/queries/rollout";
import { ErrorState, LoadingState } from "../ui/states";
import { describeChange } from "./flag-change-dialog";
import { Button } from "../ui/button";

/** Scheduled flag changes: pending ones can be cancelled until their time. */
export function ScheduledChanges({ canEdit }: { canEdit: boolean }) {
  const changes = useScheduledChangesQuery();
  const cancel = useCancelScheduledMutation();
  if (changes.isPending) return <LoadingState label="Loading scheduled changes…" />;
  if (changes.isError) return <ErrorState title="Could not load the scheduled changes." error={changes.error} />;
  return (
    <section aria-label="Scheduled changes" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold">Scheduled changes</h2>
      {changes.data.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">None. Schedule one with the cohort form (&ldquo;When&rdquo;).</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {changes.data.map((change) => (
            <li key={change.id} className="flex items-start justify-between gap-4 py-2">
              <div>
                <p>
                  <span className="font-medium">#{change.id}</span> {describeChange(change.change)} for{" "}
                  {change.projectNames.join(", ")}
                </p>
                <p className="text-xs text-slate-500">
                  {change.status} ·{" "}
                  {change.status === "applied" && change.appliedAt
                    ? `applied ${new Date(change.appliedAt).toLocaleString()}`
                    : `at ${new Date(change.runAt).toLocaleString()}`}{" "}
                  · by {change.createdBy} · {change.reason}
                  {change.error ? ` · ${change.error}` : ""}
                </p>
              </div>
              {canEdit && change.status === "pending" ? (
                <Button
                  size="xs"
                  disabled={cancel.isPending}
                  onClick={() => cancel.mutate(change.id)}
                  aria-label={`Cancel scheduled change #${change.id}`}
                >
                  Cancel
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {cancel.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {cancel.error.message}
        </p>
      ) : null}
    </section>
  );
}
