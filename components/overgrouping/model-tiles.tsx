import type { DashboardResponse, ModelStats } from "@/lib/contracts/overgrouping";
import { mergesSearch } from "@/lib/queries/overgrouping";
import { estimatorLabels, sampleText, type Estimator } from "./format";
import { RateTile } from "./rate-tile";

function ModelRow({
  stats,
  estimator,
  minSample,
  labels,
}: {
  stats: ModelStats;
  estimator: Estimator;
  minSample: number;
  labels: string;
}) {
  const { merge, overgrouping, model } = stats;
  const rate = overgrouping[estimator];
  return (
    <div role="group" aria-label={`Model ${model}`} className="grid gap-4 md:grid-cols-3">
      <RateTile
        title={`AI-prevented issues · ${model}`}
        rate={merge.aiPrevented}
        sample={`${merge.merges} merges / ${merge.merges + merge.newIssues} events sent to the AI step (events never sent to it have no model: see all models)`}
        emptyText={`No event reached ${model}'s AI step yet.`}
      />
      <RateTile
        title={`Merge rate · ${model}`}
        rate={merge.rate}
        sample={`${merge.merges} AI merges / ${merge.reachedAi} events that reached the AI step${merge.fallbackMerges ? ` (${merge.fallbackMerges} merged by the stable model on fallback)` : ""}`}
        emptyText={`No event reached ${model}'s AI step yet.`}
      />
      <RateTile
        title={`Overgrouping rate · ${model}`}
        rate={rate}
        sample={
          <>
            {overgrouping.incorrect} wrong of {overgrouping.labeled} labeled merges
            {estimator === "weighted" && rate
              ? ` (${sampleText(rate.n)}, ${estimatorLabels.weighted.toLowerCase()})`
              : ""}
          </>
        }
        emptyText={`No labeled merges of ${model} yet: label pairs of the merge sample in Review.`}
        note={
          overgrouping.knownWrong > 0
            ? `Known wrong: ${overgrouping.knownWrong} AI ${overgrouping.knownWrong === 1 ? "merge" : "merges"} of ${model} unmerged by people (every merge, not a sample: a floor, not in the rate)`
            : undefined
        }
        warnBelow={{ n: overgrouping.labeled, min: minSample }}
        drillDown={
          overgrouping.labeled
            ? {
                href: `/overgrouping/merges?${mergesSearch({ model, labels })}`,
                label: `Show the ${overgrouping.labeled} labeled merges of ${model}`,
              }
            : undefined
        }
      />
    </div>
  );
}

/** The headline: AI-prevented issues over all events, then each model's three rates. */
export function ModelTiles({ dashboard, estimator }: { dashboard: DashboardResponse; estimator: Estimator }) {
  const { overall } = dashboard;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-3">
        <RateTile
          title="AI-prevented issues · all models"
          rate={overall.aiPrevented}
          sample={`${overall.merges} AI merges / ${overall.merges + overall.newIssues} events fingerprinting could not group (${overall.newIssuesNotSentToAi} never sent to the AI step)`}
          emptyText="No event has reached the grouping pipeline past fingerprinting yet."
        />
      </div>
      {dashboard.perModel.map((stats) => (
        <ModelRow
          key={stats.model}
          stats={stats}
          estimator={estimator}
          minSample={dashboard.minSample}
          labels={dashboard.labels.source}
        />
      ))}
    </div>
  );
}
