"use client";

import Link from "next/link";
import { kindLabels, sourceLabels } from "@/lib/contracts/review";
import { useConflictsQuery } from "@/lib/queries/review";
import { buttonClass } from "../ui/button";
import { DataTable } from "../ui/data-table";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";

/** Pairs whose labels disagree (GROUP and SEPARATE), each with who said what. */
export function ConflictsView({ canLabel }: { canLabel: boolean }) {
  const query = useConflictsQuery();
  if (query.isPending) return <LoadingState label="Loading conflicts…" />;
  if (query.isError) return <ErrorState title="Could not load the conflicts." error={query.error} />;
  if (query.data.pairs.length === 0)
    return <EmptyState title="No conflicts">No pair has both a GROUP and a SEPARATE label.</EmptyState>;
  return (
    <div className="space-y-3">
      {canLabel ? (
        <Link href="/review/label?queue=conflicts" className={buttonClass({ variant: "primary" })}>
          Label the conflicts
        </Link>
      ) : null}
      <DataTable caption="Conflicts" columns={["Pair", "Events", "Labels"]}>
        {query.data.pairs.map((pair) => (
          <tr key={pair.id}>
            <th scope="row" className="px-3 py-2 text-left align-top">
              <Link href={`/review/pairs/${pair.id}`} className="text-indigo-700 hover:underline">
                Pair #{pair.id}
              </Link>
              <span className="block text-xs font-normal text-slate-500">
                {pair.projectName} · {sourceLabels[pair.source]}
              </span>
            </th>
            <td className="px-3 py-2 align-top">
              {pair.titles[0]}
              <br />
              {pair.titles[1]}
            </td>
            <td className="px-3 py-2 align-top">
              {pair.labels.map((l) => (
                <span key={l.labeler} className="block">
                  {l.verdict} — {l.labeler}
                  {l.labelerKind === "expert" ? "" : ` (${kindLabels[l.labelerKind]})`}
                  {l.reason ? ` (${l.reason})` : ""}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
