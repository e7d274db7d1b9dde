"use client";

import { useDeferredValue, useState } from "react";
import { useAuditQuery } from "@/lib/queries/audit";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { AuditTable } from "./audit-table";

const inputClass = "mt-1 block w-64 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-normal";

/** Data container of the Audit page: filters by actor and target, pages back in time. */
export function AuditView() {
  const [actor, setActor] = useState("");
  const [target, setTarget] = useState("");
  const filters = useDeferredValue({ actor: actor.trim(), target: target.trim() });
  const audit = useAuditQuery(filters);
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <div className="space-y-4">
      <div role="search" className="flex gap-4">
        <label className="text-sm font-medium">
          Actor
          <input value={actor} onChange={(e) => setActor(e.target.value)} placeholder="email" className={inputClass} />
        </label>
        <label className="text-sm font-medium">
          Target
          <input
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            placeholder="name, or type:id"
            className={inputClass}
          />
        </label>
      </div>
      {audit.isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : audit.isError ? (
        <ErrorState title="Could not load the audit log." error={audit.error} />
      ) : entries.length === 0 ? (
        <EmptyState title="No audit entries match">
          {actor || target ? "Clear the filters to see every entry." : "Changes to users, roles and flags appear here."}
        </EmptyState>
      ) : (
        <>
          <AuditTable entries={entries} />
          {audit.hasNextPage ? (
            <button
              type="button"
              onClick={() => void audit.fetchNextPage()}
              disabled={audit.isFetchingNextPage}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
            >
              Load older entries
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
