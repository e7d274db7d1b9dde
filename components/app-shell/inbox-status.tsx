"use client";

import { useHealthQuery } from "@/lib/queries/health";

/**
 * How far ingest is behind: the events the SDK endpoints accepted that the worker has not grouped yet, and how long
 * the oldest has waited. Shown in the navigation, from /api/health every few seconds.
 */
export function InboxStatus() {
  const { data } = useHealthQuery();
  if (!data) return null;
  const { depth, lagSeconds } = data.inbox;
  const behind = depth > 0;
  return (
    <p role="status" aria-label="Ingest inbox" className={behind && lagSeconds >= 10 ? "text-amber-300" : undefined}>
      {behind
        ? `Ingest: ${depth.toLocaleString("en")} waiting, ${lagSeconds < 1 ? "under a second" : `${Math.round(lagSeconds)} s`} behind`
        : "Ingest: up to date"}
    </p>
  );
}
