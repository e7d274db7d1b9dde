"use client";

import Link from "next/link";
import type { MergesQuery } from "@/lib/contracts/overgrouping";
import { useLabeledMergesQuery } from "@/lib/queries/overgrouping";
import { DataTable } from "../ui/data-table";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";

function describe(filters: MergesQuery): string {
  const parts = [
    filters.model && `model ${filters.model}`,
    filters.platform && `platform ${filters.platform}`,
    filters.projectId && `project #${filters.projectId}`,
    filters.day && `day ${filters.day}`,
    filters.verdict && (filters.verdict === "SEPARATE" ? "wrong merges" : "right merges"),
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "all models";
}

/** The labeled merges behind a rate: each pair with its majority verdict, votes and a link into the pair view. */
export function MergesView({ filters }: { filters: MergesQuery }) {
  const merges = useLabeledMergesQuery(filters);
  if (merges.isPending) return <LoadingState label="Loading the labeled merges…" />;
  if (merges.isError) return <ErrorState title="Could not load the labeled merges." error={merges.error} />;
  const rows = merges.data.merges;
  const wrong = rows.filter((row) => row.verdict === "SEPARATE").length;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        Labeled merges of the random merge sample for <strong>{describe(filters)}</strong>: {rows.length} pairs, {wrong}{" "}
        wrong (majority SEPARATE).{" "}
        <Link href="/overgrouping" className="text-indigo-700 hover:underline">
          Back to the rates
        </Link>
      </p>
      {rows.length === 0 ? (
        <EmptyState title="No labeled merges here">
          Label pairs of the merge sample in Review to see them here.
        </EmptyState>
      ) : (
        <DataTable
          caption="Labeled merges"
          columns={[
            "Pair",
            "Verdict",
            "Events",
            "Project",
            "Model",
            { label: "Distance", align: "right" },
            { label: "Sampling p", align: "right" },
            "Day",
          ]}
        >
          {rows.map((row) => (
            <tr key={row.pairId}>
              <th scope="row" className="px-3 py-2 text-left">
                <Link href={`/review/pairs/${row.pairId}`} className="font-medium text-indigo-700 hover:underline">
                  Pair #{row.pairId}
                </Link>
              </th>
              <td className="px-3 py-2">
                <span className={row.verdict === "SEPARATE" ? "font-medium text-red-700" : "text-emerald-700"}>
                  {row.verdict === "SEPARATE" ? "Wrong merge" : "Right merge"}
                </span>
                <span className="block text-xs text-slate-500">
                  {row.votes.group} GROUP · {row.votes.separate} SEPARATE · {row.votes.unsure} UNSURE
                </span>
              </td>
              <td className="max-w-md px-3 py-2 text-xs">
                <span className="block truncate" title={row.titleA}>
                  {row.titleA}
                </span>
                <span className="block truncate text-slate-500" title={row.titleB}>
                  {row.titleB}
                </span>
              </td>
              <td className="px-3 py-2">
                {row.projectName} <span className="font-mono text-xs text-slate-500">{row.platform}</span>
              </td>
              <td className="px-3 py-2 font-mono text-xs">{row.model}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {row.distance === null ? "—" : row.distance.toFixed(4)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{row.probability.toFixed(3)}</td>
              <td className="px-3 py-2 tabular-nums">{row.day}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {merges.data.truncated ? (
        <p className="text-xs text-slate-500">Showing the first 500; narrow the filters to see the rest.</p>
      ) : null}
    </div>
  );
}
