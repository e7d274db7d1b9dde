"use client";

import { useState } from "react";
import type { BreakdownRow } from "@/lib/contracts/overgrouping";
import { mergesSearch } from "@/lib/queries/overgrouping";
import type { Estimator } from "./format";
import { RateCell } from "./rate-cell";

type SortKey = "name" | "model" | "reachedAi" | "mergeRate" | "labeled" | "overgrouping" | "knownWrong";

interface BreakdownTableProps {
  caption: string;
  /** "platform": rows are platforms; "project": rows are projects. */
  by: "platform" | "project";
  rows: BreakdownRow[];
  estimator: Estimator;
  minSample: number;
  /** Whose labels the rates come from (the drill-down shows the same labels). */
  labels: string;
}

function sortValue(row: BreakdownRow, key: SortKey, estimator: Estimator): string | number {
  switch (key) {
    case "name":
      return row.projectName ?? row.platform;
    case "model":
      return row.model;
    case "reachedAi":
      return row.merge.reachedAi;
    case "mergeRate":
      return row.merge.rate?.value ?? -1;
    case "labeled":
      return row.overgrouping.labeled;
    case "overgrouping":
      return row.overgrouping[estimator]?.value ?? -1;
    case "knownWrong":
      return row.overgrouping.knownWrong;
  }
}

/** Merge and overgrouping rates per platform or project and model; every column sorts; rates drill down. */
export function BreakdownTable({ caption, by, rows, estimator, minSample, labels }: BreakdownTableProps) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "name", descending: false });
  const sorted = [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key, estimator);
    const y = sortValue(b, sort.key, estimator);
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return sort.descending ? -order : order;
  });
  const header = (key: SortKey, label: string, align = "text-left") => (
    <th
      scope="col"
      className={`px-3 py-2 ${align}`}
      aria-sort={sort.key === key ? (sort.descending ? "descending" : "ascending") : "none"}
    >
      <button
        type="button"
        className="inline-flex items-center gap-1 uppercase tracking-wide hover:text-slate-900"
        onClick={() =>
          setSort((current) => ({
            key,
            descending: current.key === key ? !current.descending : key !== "name" && key !== "model",
          }))
        }
      >
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.descending ? "▼" : "▲") : "↕"}</span>
        <span className="sr-only">sort by {label}</span>
      </button>
    </th>
  );
  return (
    <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-slate-100 text-xs text-slate-600">
        <tr>
          {header("name", by === "platform" ? "Platform" : "Project")}
          {header("model", "Model")}
          {header("reachedAi", "Reached AI", "text-right")}
          {header("mergeRate", "Merge rate")}
          {header("labeled", "Labeled merges", "text-right")}
          {header("overgrouping", "Overgrouping")}
          {header("knownWrong", "Unmerged by people", "text-right")}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {sorted.map((row) => {
          const filters = {
            labels,
            model: row.model,
            ...(by === "platform" ? { platform: row.platform } : { projectId: row.projectId ?? undefined }),
          };
          return (
            <tr key={`${row.projectId ?? row.platform}-${row.model}`}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {by === "platform" ? (
                  <span className="font-mono text-xs">{row.platform}</span>
                ) : (
                  <>
                    {row.projectName}{" "}
                    <span className="font-mono text-xs font-normal text-slate-500">{row.platform}</span>
                  </>
                )}
              </th>
              <td className="px-3 py-2 font-mono text-xs">{row.model}</td>
              <td className="px-3 py-2 text-right tabular-nums">{row.merge.reachedAi}</td>
              <td className="px-3 py-2">
                <RateCell
                  rate={row.merge.rate}
                  n={row.merge.reachedAi}
                  emptyText={`no event asked ${row.model} here`}
                />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{row.overgrouping.labeled}</td>
              <td className="px-3 py-2">
                <RateCell
                  rate={row.overgrouping[estimator]}
                  n={row.overgrouping.labeled}
                  minSample={minSample}
                  href={`/overgrouping/merges?${mergesSearch(filters)}`}
                  emptyText="no labeled merges"
                />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{row.overgrouping.knownWrong}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
