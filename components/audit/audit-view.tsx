"use client";

import { useDeferredValue, useState } from "react";
import { useAuditQuery } from "@/lib/queries/audit";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { AuditTable } from "./audit-table";

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
        <Field label="Actor" className="w-64">
          <Input value={actor} onChange={(e) => setActor(e.target.value)} placeholder="email" />
        </Field>
        <Field label="Target" className="w-64">
          <Input value={target} onChange={(e) => setTarget(e.target.value)} placeholder="name, or type:id" />
        </Field>
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
            <Button onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
              Load older entries
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}
