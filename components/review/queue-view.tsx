"use client";

import Link from "next/link";
import { useState } from "react";
import { endpoints } from "@/lib/contracts/endpoints";
import { reviewSources, sourceLabels, type QueueFilter, type ReviewSource } from "@/lib/contracts/review";
import { endpointUrl } from "@/lib/queries/url";
import { usePairListQuery, useProgressQuery, useQueueSummaryQuery, useRefillMutation } from "@/lib/queries/review";
import { Button, buttonClass } from "../ui/button";
import { ChoiceSelect } from "../ui/choice-select";
import { DataTable } from "../ui/data-table";
import { Field } from "../ui/field";
import { ErrorState, LoadingState } from "../ui/states";

function labelingHref(filter: QueueFilter, blind: boolean): string {
  const params = new URLSearchParams();
  if (filter.project) params.set("project", String(filter.project));
  if (filter.platform) params.set("platform", filter.platform);
  if (filter.source) params.set("source", filter.source);
  if (blind) params.set("blind", "1");
  const text = params.toString();
  return `/review/label${text ? `?${text}` : ""}`;
}

/** The Review page: queues by source with filters, labeling entry, progress per labeler, the pairs, admin refill. */
export function QueueView({ canLabel, isAdmin }: { canLabel: boolean; isAdmin: boolean }) {
  const [filter, setFilter] = useState<QueueFilter>({});
  const [blind, setBlind] = useState(false);
  const summary = useQueueSummaryQuery(filter);
  const pairs = usePairListQuery(filter);
  const progress = useProgressQuery();
  const refill = useRefillMutation();

  if (summary.isPending) return <LoadingState label="Loading the queues…" />;
  if (summary.isError) return <ErrorState title="Could not load the queues." error={summary.error} />;
  const data = summary.data;

  return (
    <div className="space-y-6">
      <form
        aria-label="Queue filters"
        className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-3"
        onSubmit={(e) => e.preventDefault()}
      >
        <Field label="Project">
          <ChoiceSelect
            value={filter.project ?? ""}
            onChange={(e) => setFilter({ ...filter, project: e.target.value ? Number(e.target.value) : undefined })}
            noChoice={{ value: "", label: "All projects" }}
            choices={data.projects.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Field>
        <Field label="Platform">
          <ChoiceSelect
            value={filter.platform ?? ""}
            onChange={(e) => setFilter({ ...filter, platform: e.target.value || undefined })}
            noChoice={{ value: "", label: "All platforms" }}
            choices={data.platforms}
          />
        </Field>
        <Field label="Source">
          <ChoiceSelect
            value={filter.source ?? ""}
            onChange={(e) =>
              setFilter({ ...filter, source: (e.target.value || undefined) as ReviewSource | undefined })
            }
            noChoice={{ value: "", label: "All sources" }}
            choices={reviewSources.map((s) => ({ value: s, label: sourceLabels[s] }))}
          />
        </Field>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} /> Blind mode (hide the
          model decisions until I label)
        </label>
        {canLabel ? (
          <Link href={labelingHref(filter, blind)} className={buttonClass({ variant: "primary" })}>
            Start labeling ({data.remainingForMe} left for you)
          </Link>
        ) : (
          <p className="text-sm text-slate-600">
            Viewers can look at the pairs below; labeling needs the labeler role.
          </p>
        )}
      </form>

      <section aria-label="Queues">
        <h2 className="mb-2 text-sm font-semibold">Queues</h2>
        <DataTable
          columns={[
            "Source",
            { label: "Pairs", align: "right" },
            { label: "Not labeled yet", align: "right" },
            { label: "Being labeled now", align: "right" },
          ]}
        >
          {data.counts.map((c) => (
            <tr key={c.source}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {sourceLabels[c.source]}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{c.pairs}</td>
              <td className="px-3 py-2 text-right tabular-nums">{c.unlabeled}</td>
              <td className="px-3 py-2 text-right tabular-nums">{c.claimed}</td>
            </tr>
          ))}
        </DataTable>
        <p className="mt-2 text-sm">
          <Link href="/review/conflicts" className="text-indigo-700 hover:underline">
            Conflicts ({data.conflicts})
          </Link>{" "}
          ·{" "}
          <Link href="/review/agreement" className="text-indigo-700 hover:underline">
            Agreement
          </Link>{" "}
          ·{" "}
          <Link href="/review/guidelines" className="text-indigo-700 hover:underline">
            Guidelines
          </Link>{" "}
          ·{" "}
          <a
            href={endpointUrl(endpoints.exportLabels, undefined, { format: "jsonl" })}
            className="text-indigo-700 hover:underline"
          >
            Export labels (JSONL)
          </a>{" "}
          ·{" "}
          <a
            href={endpointUrl(endpoints.exportLabels, undefined, { format: "csv" })}
            className="text-indigo-700 hover:underline"
          >
            CSV
          </a>
        </p>
        {isAdmin ? (
          <div className="mt-2 flex items-center gap-3">
            <Button disabled={refill.isPending} onClick={() => refill.mutate({})}>
              Refill the queues from the grouping decisions
            </Button>
            {refill.isSuccess ? (
              <span role="status" className="text-sm text-emerald-700">
                Added {Object.values(refill.data.created).reduce((a, b) => a + b, 0)} pairs.
              </span>
            ) : null}
            {refill.isError ? (
              <span role="alert" className="text-sm text-red-700">
                {refill.error.message}
              </span>
            ) : null}
          </div>
        ) : null}
      </section>

      <section aria-label="Progress per labeler">
        <h2 className="mb-2 text-sm font-semibold">Progress per labeler</h2>
        {progress.data ? (
          <DataTable
            caption={
              <>
                {progress.data.labeledPairs} of {progress.data.totalPairs} pairs have at least one label.
              </>
            }
            showCaption
            columns={[
              "Labeler",
              { label: "Labels", align: "right" },
              { label: "GROUP", align: "right" },
              { label: "SEPARATE", align: "right" },
              { label: "UNSURE", align: "right" },
              { label: "Last 7 days", align: "right" },
            ]}
          >
            {progress.data.labelers.map((l) => (
              <tr key={l.labeler}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {l.labeler}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{l.total}</td>
                <td className="px-3 py-2 text-right tabular-nums">{l.group}</td>
                <td className="px-3 py-2 text-right tabular-nums">{l.separate}</td>
                <td className="px-3 py-2 text-right tabular-nums">{l.unsure}</td>
                <td className="px-3 py-2 text-right tabular-nums">{l.last7Days}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <LoadingState label="Loading progress…" />
        )}
      </section>

      <section aria-label="Pairs">
        <h2 className="mb-2 text-sm font-semibold">Latest pairs</h2>
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
          {pairs.data?.pairs.map((p) => (
            <li key={p.id} className="flex gap-3 px-3 py-2">
              <Link href={`/review/pairs/${p.id}`} className="font-medium text-indigo-700 hover:underline">
                Pair #{p.id}
              </Link>
              <span className="text-xs text-slate-500">
                {p.projectName} · {sourceLabels[p.source]} · {p.labels} labels
              </span>
              <span className="truncate text-slate-700">
                {p.titles[0]} ↔ {p.titles[1]}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
