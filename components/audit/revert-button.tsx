"use client";

import { useState } from "react";
import type { AuditEntry } from "@/lib/contracts/audit";
import { revertibleAuditActions } from "@/lib/contracts/rollout";
import { useRevertAuditMutation } from "@/lib/queries/rollout";
import { Button } from "../ui/button";

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
            <Button
              variant="primary"
              size="xs"
              disabled={revert.isPending}
              onClick={() => revert.mutate({ auditId: entry.id })}
            >
              Confirm revert
            </Button>
            <Button size="xs" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </div>
        </>
      ) : (
        <Button
          size="xs"
          onClick={() => setConfirming(true)}
          aria-label={`Revert audit entry #${entry.id} (${entry.target})`}
        >
          Revert
        </Button>
      )}
      {revert.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {revert.error.message}
        </p>
      ) : null}
    </div>
  );
}
