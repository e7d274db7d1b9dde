"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { GroupingPreviewResponse } from "@/lib/contracts/grouping-settings";
import { ErrorState, LoadingState } from "../ui/states";
import { RulesPreviewView } from "./rules-preview";
import { ThresholdPreviewView } from "./threshold-preview";

/** The preview of the settings being typed, on the project's recent events; it follows the typing. */
export function PreviewPanel({ query, enabled }: { query: UseQueryResult<GroupingPreviewResponse>; enabled: boolean }) {
  return (
    <section
      aria-labelledby="grouping-preview"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 xl:self-start"
    >
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="grouping-preview" className="text-sm font-semibold">
          Preview on recent events
        </h2>
        {enabled && query.isFetching ? (
          <p role="status" className="text-xs text-slate-500">
            Updating…
          </p>
        ) : null}
      </div>
      {!enabled ? (
        <p className="text-sm text-slate-600">The preview follows the settings once they can be read.</p>
      ) : query.isPending ? (
        <LoadingState label="Regrouping the recent events…" />
      ) : query.isError ? (
        <ErrorState title="Could not preview these settings." error={query.error} />
      ) : (
        <>
          <RulesPreviewView preview={query.data.rules} />
          {query.data.threshold ? <ThresholdPreviewView preview={query.data.threshold} /> : null}
        </>
      )}
    </section>
  );
}
