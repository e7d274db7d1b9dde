"use client";

import { useRolloutOverviewQuery } from "@/lib/queries/rollout";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { CohortForm } from "./cohort-form";
import { FleetView } from "./fleet-view";
import { GuardrailSettingsPanel } from "./guardrail-settings";
import { RolloutTable } from "./rollout-table";
import { ScheduledChanges } from "./scheduled-changes";

/** Data container of the Rollout page. */
export function RolloutView({ canEdit }: { canEdit: boolean }) {
  const overview = useRolloutOverviewQuery();
  if (overview.isPending) return <LoadingState label="Loading the rollout…" />;
  if (overview.isError) return <ErrorState title="Could not load the rollout." error={overview.error} />;
  const data = overview.data;
  if (data.projects.length === 0)
    return <EmptyState title="No projects yet">Projects appear here once they send events.</EmptyState>;
  return (
    <div className="space-y-6">
      {data.nextModel === null ? (
        <p role="status" className="rounded bg-amber-50 p-3 text-sm text-amber-800">
          No model has the status &ldquo;next&rdquo;: there is nothing to roll out or backfill.
        </p>
      ) : null}
      <FleetView projects={data.projects} />
      <RolloutTable overview={data} canEdit={canEdit} />
      {canEdit ? <CohortForm models={data.servedModels} nextModel={data.nextModel} /> : null}
      <ScheduledChanges canEdit={canEdit} />
      <GuardrailSettingsPanel key={JSON.stringify(data.guardrails)} settings={data.guardrails} canEdit={canEdit} />
    </div>
  );
}
