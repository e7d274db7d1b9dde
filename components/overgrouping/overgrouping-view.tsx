"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { EXPERTS } from "@/lib/contracts/overgrouping";
import { useOvergroupingDashboardQuery } from "@/lib/queries/overgrouping";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { BreakdownTable } from "./breakdown-table";
import { DailyChart } from "./daily-chart";
import { EstimatorChoice } from "./estimator-choice";
import { LabelSourceChoice } from "./label-source-choice";
import type { Estimator } from "./format";
import { ModelTiles } from "./model-tiles";

/** A titled part of the dashboard; the heading names the section for assistive technology. */
function DashboardSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Data container of the Overgrouping page. */
export function OvergroupingView() {
  const [labels, setLabels] = useState<string>(EXPERTS);
  const dashboard = useOvergroupingDashboardQuery(labels);
  const [estimator, setEstimator] = useState<Estimator>("weighted");
  if (dashboard.isPending) return <LoadingState label="Loading merge and overgrouping rates…" />;
  if (dashboard.isError) return <ErrorState title="Could not load the overgrouping rates." error={dashboard.error} />;
  const data = dashboard.data;
  if (data.models.length === 0) {
    return (
      <EmptyState title="No AI grouping decisions yet">
        Rates appear once events reach the AI step (events that no fingerprint matched). Send events to a project, or
        run <code className="font-mono">npm run demo</code> on a fresh data directory.
      </EmptyState>
    );
  }
  const labeled = data.perModel.reduce((sum, model) => sum + model.overgrouping.labeled, 0);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700">
        <div className="max-w-3xl space-y-1" id="estimator-note">
          <p>
            <strong>Overgrouping rate</strong> = wrong merges / labeled merges, from labels on the{" "}
            <strong>random sample of AI merges only</strong> (pairs queued because they were hard never count), by the
            model that made the merge; a pair counts with the majority of its labels (UNSURE and ties left out).
          </p>
          <p data-testid="label-source-shown">
            Labels:{" "}
            {data.labels.source === EXPERTS ? (
              <strong>experts&apos; labels</strong>
            ) : (
              <>
                <strong>automated labels of {data.labels.source}</strong> (κ{" "}
                {data.labels.kappa === null ? "undefined" : data.labels.kappa.toFixed(2)} against the experts&apos;
                majority on {data.labels.n} pairs; at least {data.minKappa} is needed)
              </>
            )}
            .
          </p>
          <p data-testid="estimator-shown">
            Shown:{" "}
            <strong>{estimator === "weighted" ? "inverse-probability weighted estimate" : "sample proportion"}</strong>
            {estimator === "weighted"
              ? " (each merge weighted by 1 / its sampling probability; Wilson 95% interval on the effective sample size n_eff)."
              : " (labeled merges counted alike; Wilson 95% interval on n)."}
          </p>
          <p>
            <strong>Known wrong</strong> (“unmerged by people”): AI merges whose hash someone unmerged on an issue page.
            Every such merge counts, sampled or not, so it is a floor on the wrong merges, not a rate; an unmerged merge
            of the random sample also counts in the rate, through the SEPARATE label the unmerge gives its pair.
          </p>
          <p>
            <strong>Merge rate</strong> and <strong>AI-prevented issues</strong> count every event that reached the AI
            step, by the model the project asked for (v2 includes merges v1 made on fallback).
          </p>
        </div>
        <div className="flex flex-col items-end gap-2">
          <LabelSourceChoice value={labels} onChange={setLabels} options={data.labelSources} minKappa={data.minKappa} />
          <EstimatorChoice value={estimator} onChange={setEstimator} />
          <Link href="/overgrouping/threshold" className="text-sm font-medium text-indigo-700 hover:underline">
            Threshold explorer →
          </Link>
        </div>
      </div>
      {labeled === 0 ? (
        <p role="note" className="rounded border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          No merge of the random merge sample is labeled yet, so there is no overgrouping rate. Label merge-sample pairs
          in Review (source “merge sample”), or label them with an automated labeler (
          <code className="font-mono">npm run label -- --labeler builtin</code>, or Review → Agreement) and, once its
          kappa against the experts passes, choose its labels above.
        </p>
      ) : null}
      <ModelTiles dashboard={data} estimator={estimator} />
      <DashboardSection id="by-day" title="By day">
        <div className="grid gap-4 xl:grid-cols-2">
          <DailyChart
            title="Merge rate by day"
            yLabel="Merge rate"
            rows={data.daily}
            models={data.models}
            pick={(row) => row.merge.rate}
          />
          <DailyChart
            title={`Overgrouping rate by day (${estimator === "weighted" ? "weighted" : "sample proportion"})`}
            yLabel="Overgrouping rate"
            rows={data.daily}
            models={data.models}
            pick={(row) => row.overgrouping[estimator]}
          />
        </div>
      </DashboardSection>
      {(["platform", "project"] as const).map((by) => (
        <DashboardSection key={by} id={`by-${by}`} title={`By ${by}`}>
          <BreakdownTable
            caption={`Rates by ${by}`}
            by={by}
            rows={by === "platform" ? data.byPlatform : data.byProject}
            estimator={estimator}
            minSample={data.minSample}
            labels={data.labels.source}
          />
        </DashboardSection>
      ))}
    </div>
  );
}
