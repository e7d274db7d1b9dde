"use client";

import { useState } from "react";
import type { AuditEntry } from "@/lib/contracts/audit";
import { revertibleAuditActions } from "@/lib/contracts/rollout";
import { useRevertAuditMutation } from "@/lib/queries/rollout";

function flagsText(value: unknown): string {
  if (!value || typeof value !== "object") return "its earlier flags";
  return Object.entries(value as Record<string, unknown>)
    .map(([key, v]) => `${key} ${String(v)}`)
    .join(", ");
}

/**
 * Revert of a flag audit entry ("flag.set", "flag.revert", "flag.auto_pause"): re-applies the entry's `before`,
 * after a confirmation that says what the project goes back to. Renders nothing for other entries.
 */
export function RevertButton({ entry }: { entry: AuditEntry }) {
  const [confirming, setConfirming] = useState(false);
  const revert = useRevertAuditMutation();
  if (!(revertibleAuditActions as readonly string[]).includes(entry.action) || entry.targetType !== "project")
    return null;
  if (revert.isSuccess)
    return <span className="text-xs text-emerald-700">Reverted (entry #{revert.data.auditId})</span>;
  return (
    <div className="space-y-1">
      {confirming ? (
        <>
          <p className="text-xs">
            Put {entry.target} back to {flagsText(entry.before)}?
          </p>
          <div className="flex gap-1">
            <button
              type="button"
              disabled={revert.isPending}
              onClick={() => revert.mutate({ auditId: entry.id })}
              className="rounded-md bg-indigo-600 px-2 py-1 text-xs font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
            >
              Confirm revert
            </button>
            <button
              type="button"
              onClick={() => setConfirming(false)}
              className="rounded-md border border-slate-300 px-2 py-1 text-xs"
            >
              Keep
            </button>
          </div>
        </>
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          aria-label={`Revert audit entry #${entry.id} (${entry.target})`}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50"
        >
          Revert
        </button>
      )}
      {revert.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {revert.error.message}
        </p>
      ) : null}
    </div>
  );
}
