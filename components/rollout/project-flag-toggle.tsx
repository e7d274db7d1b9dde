"use client";

import { useRolloutProjectQuery } from "@/lib/queries/rollout";
import { ErrorState, LoadingState } from "../ui/states";
import { BackfillControl } from "./backfill-control";
import { FallbackChart } from "./fallback-chart";
import { FlagControls } from "./flag-controls";
import { formatOvergrouping, formatPercent, stateLabels } from "./format";

/**
 * The rollout panel of the project page: model, migration state, coverage, overgrouping estimate, fallback by day,
 * and for admins (canEdit, from the page's role check) the flag toggles (with the confirmation dialog) and the backfill.
 */
export function ProjectFlagToggle({ projectId, canEdit }: { projectId: number; canEdit: boolean }) {
  const detail = useRolloutProjectQuery(projectId);
  if (detail.isPending) return <LoadingState label="Loading the rollout state…" />;
  if (detail.isError) return <ErrorState title="Could not load the rollout state." error={detail.error} />;
  const { project, fallbackByDay, stableModel, servedModels } = detail.data;
  const m = project.migration;
  return (
    <section aria-label="Rollout" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 className="text-sm font-semibold">Rollout</h2>
          <p className="mt-1 text-sm">
            Model <span className="font-mono">{project.groupingModel}</span>
            {project.skipFallback ? " (no fallback)" : ""} · {stateLabels[m.state]}: {m.detail}
          </p>
          <p className="text-xs text-slate-600">
            v2 coverage {formatPercent(m.coverage)} ({m.coveredHashes}/{m.eligibleHashes}, {m.ineligibleHashes}{" "}
            ineligible) · {m.trainingCalls} training calls · fallback {formatPercent(m.fallbackRate)} of{" "}
            {m.fallbackLookups} v2 lookups (7d) · v2 overgrouping {formatOvergrouping(project.overgrouping)}
          </p>
          {project.guardrails.map((flag) => (
            <p key={flag.rule} className={`text-xs ${flag.level === "breached" ? "text-red-700" : "text-amber-700"}`}>
              {flag.message}
            </p>
          ))}
        </div>
        {canEdit ? <FlagControls project={project} stableModel={stableModel} servedModels={servedModels} /> : null}
      </div>
      <div className="mt-3 grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <BackfillControl projectId={project.id} projectName={project.name} job={project.backfill} canEdit={canEdit} />
        <FallbackChart days={fallbackByDay} />
      </div>
    </section>
  );
}
