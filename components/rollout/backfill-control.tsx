"use client";

import type { Job } from "@/lib/contracts/rollout";
import { useCancelJobMutation, useCreateBackfillMutation } from "@/lib/queries/rollout";
import { Button } from "../ui/button";

export function BackfillProgress({ job, label }: { job: Job; label: string }) {
  const active = job.status === "queued" || job.status === "running";
  const percent = job.progressTotal
    ? Math.round((job.progressDone / job.progressTotal) * 100)
    : job.status === "done"
      ? 100
      : 0;
  return (
    <div className="min-w-32">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded bg-slate-200"
      >
        <div
          className={`h-full ${active ? "bg-indigo-500" : job.status === "done" ? "bg-emerald-500" : "bg-slate-400"}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mt-0.5 text-xs text-slate-500">
        {job.status} · {job.progressDone}/{job.progressTotal}
        {job.error ? ` · ${job.error}` : ""}
      </p>
    </div>
  );
}

/** The backfill of one project: its last job's live progress, and start / cancel for admins. */
export function BackfillControl({
  projectId,
  projectName,
  job,
  canEdit,
}: {
  projectId: number;
  projectName: string;
  job: Job | null;
  canEdit: boolean;
}) {
  const create = useCreateBackfillMutation();
  const cancel = useCancelJobMutation();
  const active = job && (job.status === "queued" || job.status === "running");
  return (
    <div className="space-y-1">
      {job ? <BackfillProgress job={job} label={`Backfill of ${projectName}`} /> : null}
      {canEdit ? (
        active ? (
          <Button
            size="xs"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(job.id)}
            aria-label={`Cancel the backfill of ${projectName}`}
          >
            Cancel backfill
          </Button>
        ) : (
          <Button
            size="xs"
            disabled={create.isPending}
            onClick={() => create.mutate({ projectId })}
            aria-label={`Backfill ${projectName}`}
          >
            Backfill
          </Button>
        )
      ) : null}
      {create.isError || cancel.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {(create.error ?? cancel.error)?.message}
        </p>
      ) : null}
    </div>
  );
}
