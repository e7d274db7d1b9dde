"use client";

import { useId, useState } from "react";
import type { FlagChange, RolloutProject } from "@/lib/contracts/rollout";
import { useSetFlagsMutation } from "@/lib/queries/rollout";
import { buttonClass, formatOvergrouping, formatPercent, inputClass, primaryButtonClass } from "./format";

export function describeChange(change: FlagChange): string {
  const parts = [];
  if (change.groupingModel) parts.push(`grouping model → ${change.groupingModel}`);
  if (change.skipFallback !== undefined) parts.push(`skip fallback → ${change.skipFallback ? "on" : "off"}`);
  return parts.join(", ");
}

/**
 * The confirmation before a flag change: names the project, shows its v2 coverage and current overgrouping estimate,
 * and requires a reason (it goes to the audit log).
 */
export function FlagChangeDialog({
  project,
  change,
  onClose,
}: {
  project: RolloutProject;
  change: FlagChange;
  onClose: () => void;
}) {
  const [reason, setReason] = useState("");
  const setFlags = useSetFlagsMutation();
  const titleId = useId();
  const migration = project.migration;
  const title = change.groupingModel
    ? `Move ${project.name} to ${change.groupingModel}`
    : `Change skip fallback of ${project.name}`;
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="w-full max-w-lg rounded-lg bg-white p-5 shadow-xl"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{describeChange(change)}</p>
        <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">Project</dt>
          <dd>
            {project.name}{" "}
            <span className="text-slate-500">
              ({project.platform}, now {project.groupingModel}
              {project.skipFallback ? ", no fallback" : ""})
            </span>
          </dd>
          <dt className="text-slate-500">v2 coverage</dt>
          <dd>
            {formatPercent(migration.coverage)} ({migration.coveredHashes} of {migration.eligibleHashes} eligible
            hashes; {migration.ineligibleHashes} ineligible)
          </dd>
          <dt className="text-slate-500">v2 overgrouping estimate</dt>
          <dd>{formatOvergrouping(project.overgrouping)}</dd>
          <dt className="text-slate-500">Guardrails</dt>
          <dd>{project.guardrails.length ? project.guardrails.map((g) => g.message).join("; ") : "none flagged"}</dd>
        </dl>
        {change.groupingModel === "v2" && (migration.coverage ?? 0) < 1 ? (
          <p className="mt-3 rounded bg-amber-50 p-2 text-xs text-amber-800">
            v2&apos;s index is incomplete: until it is backfilled, v2 finds nothing for the missing hashes and v1
            answers (fallback).
          </p>
        ) : null}
        <form
          className="mt-4 space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            setFlags.mutate({ projectIds: [project.id], change, reason }, { onSuccess: onClose });
          }}
        >
          <label className="block text-sm font-medium">
            Reason
            <textarea
              required
              minLength={3}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              className={inputClass}
              rows={2}
            />
          </label>
          {setFlags.isError ? (
            <p role="alert" className="text-sm text-red-700">
              {setFlags.error.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <button type="button" onClick={onClose} className={buttonClass}>
              Cancel
            </button>
            <button
              type="submit"
              disabled={setFlags.isPending || reason.trim().length < 3}
              className={primaryButtonClass}
            >
              Confirm
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
