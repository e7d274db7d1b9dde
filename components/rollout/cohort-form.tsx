"use client";

import { useState } from "react";
import type { Cohort, FlagChange } from "@/lib/contracts/rollout";
import { useApplyCohortMutation, useCreateBackfillMutation, usePreviewCohortMutation } from "@/lib/queries/rollout";
import { buttonClass, inputClass, primaryButtonClass } from "./format";

const optionalNumber = (value: string) => (value.trim() === "" ? undefined : Number(value));

/** Choose projects by filter or sticky percentage, preview them, and apply (or schedule) one audited change. */
export function CohortForm() {
  const [kind, setKind] = useState<Cohort["kind"]>("filter");
  const [platform, setPlatform] = useState("");
  const [minEvents, setMinEvents] = useState("");
  const [maxEvents, setMaxEvents] = useState("");
  const [minCoverage, setMinCoverage] = useState("");
  const [percent, setPercent] = useState("10");
  const [salt, setSalt] = useState("");
  const [model, setModel] = useState<"" | "v1" | "v2">("v2");
  const [skipFallback, setSkipFallback] = useState<"" | "on" | "off">("");
  const [reason, setReason] = useState("");
  const [when, setWhen] = useState("");
  const preview = usePreviewCohortMutation();
  const apply = useApplyCohortMutation();
  const backfill = useCreateBackfillMutation();

  const cohort: Cohort =
    kind === "percentage"
      ? { kind, percent: Number(percent), salt }
      : {
          kind,
          platform: platform.trim() || undefined,
          minEvents: optionalNumber(minEvents),
          maxEvents: optionalNumber(maxEvents),
          minCoveragePercent: optionalNumber(minCoverage),
        };
  const change: FlagChange = {
    ...(model ? { groupingModel: model } : {}),
    ...(skipFallback ? { skipFallback: skipFallback === "on" } : {}),
  };
  const error = preview.error ?? apply.error ?? backfill.error;

  return (
    <section aria-label="Cohort change" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold">Change a cohort</h2>
      <form
        className="mt-3 grid gap-3 md:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          apply.mutate({ cohort, change, reason, runAt: when ? new Date(when).toISOString() : undefined });
        }}
      >
        <label className="text-sm font-medium">
          Select by
          <select value={kind} onChange={(e) => setKind(e.target.value as Cohort["kind"])} className={inputClass}>
            <option value="filter">filter</option>
            <option value="percentage">sticky percentage</option>
          </select>
        </label>
        {kind === "filter" ? (
          <>
            <label className="text-sm font-medium">
              Platform
              <input
                value={platform}
                onChange={(e) => setPlatform(e.target.value)}
                placeholder="any"
                className={inputClass}
              />
            </label>
            <label className="text-sm font-medium">
              Events at least
              <input
                type="number"
                min={0}
                value={minEvents}
                onChange={(e) => setMinEvents(e.target.value)}
                className={inputClass}
              />
            </label>
            <label className="text-sm font-medium">
              Events at most
              <input
                type="number"
                min={0}
                value={maxEvents}
                onChange={(e) => setMaxEvents(e.target.value)}
                className={inputClass}
              />
            </label>
            <label className="text-sm font-medium">
              v2 coverage at least (%)
              <input
                type="number"
                min={0}
                max={100}
                value={minCoverage}
                onChange={(e) => setMinCoverage(e.target.value)}
                className={inputClass}
              />
            </label>
          </>
        ) : (
          <>
            <label className="text-sm font-medium">
              Percent of projects
              <input
                type="number"
                min={0}
                max={100}
                step="any"
                value={percent}
                onChange={(e) => setPercent(e.target.value)}
                className={inputClass}
              />
            </label>
            <label className="text-sm font-medium">
              Salt
              <input
                value={salt}
                onChange={(e) => setSalt(e.target.value)}
                placeholder="same salt, same projects"
                className={inputClass}
              />
            </label>
          </>
        )}
        <label className="text-sm font-medium">
          Grouping model
          <select value={model} onChange={(e) => setModel(e.target.value as "" | "v1" | "v2")} className={inputClass}>
            <option value="">unchanged</option>
            <option value="v1">v1</option>
            <option value="v2">v2</option>
          </select>
        </label>
        <label className="text-sm font-medium">
          Skip fallback
          <select
            value={skipFallback}
            onChange={(e) => setSkipFallback(e.target.value as "" | "on" | "off")}
            className={inputClass}
          >
            <option value="">unchanged</option>
            <option value="on">on</option>
            <option value="off">off</option>
          </select>
        </label>
        <label className="text-sm font-medium">
          When (empty: now)
          <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} className={inputClass} />
        </label>
        <label className="text-sm font-medium md:col-span-2">
          Cohort reason
          <input
            required
            minLength={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className={inputClass}
          />
        </label>
        <div className="flex flex-wrap items-end gap-2 md:col-span-4">
          <button
            type="button"
            className={buttonClass}
            onClick={() => preview.mutate(cohort)}
            disabled={preview.isPending}
          >
            Preview cohort
          </button>
          <button
            type="submit"
            className={primaryButtonClass}
            disabled={apply.isPending || reason.trim().length < 3 || (!model && !skipFallback)}
          >
            {when ? "Schedule change" : "Apply change"}
          </button>
          <button
            type="button"
            className={buttonClass}
            onClick={() => backfill.mutate({ cohort })}
            disabled={backfill.isPending}
          >
            Backfill cohort
          </button>
        </div>
      </form>
      <div aria-live="polite" className="mt-2 text-sm">
        {preview.data ? (
          <p>
            {preview.data.projects.length} project{preview.data.projects.length === 1 ? "" : "s"}:{" "}
            {preview.data.projects.map((p) => p.name).join(", ") || "none"}
          </p>
        ) : null}
        {apply.data ? (
          <p className="text-emerald-700">
            {apply.data.scheduled
              ? `Scheduled as change #${apply.data.scheduled.id}.`
              : `Changed ${apply.data.applied.length} project(s).`}
          </p>
        ) : null}
        {backfill.data ? <p className="text-emerald-700">Queued {backfill.data.jobs.length} backfill job(s).</p> : null}
        {error ? (
          <p role="alert" className="text-red-700">
            {error.message}
          </p>
        ) : null}
      </div>
    </section>
  );
}
