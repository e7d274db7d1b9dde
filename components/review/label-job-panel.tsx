"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { labelRunSources, type LabelJobRequest } from "@/lib/contracts/labeling";
import { sourceLabels } from "@/lib/contracts/review";
import {
  reviewKeys,
  useCancelLabelJobMutation,
  useCreateLabelJobMutation,
  useLabelJobsQuery,
} from "@/lib/queries/review";
import { BackfillProgress } from "../rollout/backfill-control";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";

const sourceNames: Record<LabelJobRequest["source"], string> = { ...sourceLabels, all: "all pairs" };

/**
 * Admins label review pairs with an automated labeler from here: a job the server runs with progress, one at a time,
 * cancellable; its labels are measured against the experts in the table below.
 */
export function LabelJobPanel() {
  const query = useLabelJobsQuery();
  const create = useCreateLabelJobMutation();
  const cancel = useCancelLabelJobMutation();
  const [labeler, setLabeler] = useState<LabelJobRequest["labeler"]>("builtin");
  const [source, setSource] = useState<LabelJobRequest["source"]>("merge_sample");
  const [limit, setLimit] = useState("");
  const queryClient = useQueryClient();
  const active = query.data?.jobs.find((entry) => entry.job.status === "queued" || entry.job.status === "running");
  // When a job ends, its labels change the agreement below: read it again.
  const wasActive = useRef<number | null>(null);
  useEffect(() => {
    if (wasActive.current !== null && active === undefined) {
      void queryClient.invalidateQueries({ queryKey: reviewKeys.agreement() });
    }
    wasActive.current = active?.job.id ?? null;
  }, [active, queryClient]);
  if (!query.data) return null;
  const { jobs, labelers } = query.data;
  const chosen = labelers.find((entry) => entry.kind === labeler);
  const limitValue = limit.trim() === "" ? undefined : Number(limit);
  const limitValid = limitValue === undefined || (Number.isInteger(limitValue) && limitValue > 0);
  return (
    <section aria-label="Automated labeling" className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h2 className="text-sm font-semibold">Label with an automated labeler</h2>
      <form
        className="flex flex-wrap items-end gap-3 text-sm"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ labeler, source, ...(limitValue === undefined ? {} : { limit: limitValue }) });
        }}
      >
        <Field label="Labeler">
          <Select
            inline
            value={labeler}
            onChange={(event) => setLabeler(event.target.value as LabelJobRequest["labeler"])}
          >
            {labelers.map((entry) => (
              <option key={entry.kind} value={entry.kind} disabled={!entry.configured}>
                {entry.configured ? entry.note : `${entry.kind} (not configured)`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Pairs">
          <Select
            inline
            value={source}
            onChange={(event) => setSource(event.target.value as LabelJobRequest["source"])}
          >
            {labelRunSources.map((option) => (
              <option key={option} value={option}>
                {sourceNames[option]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="At most (optional)" error={limitValid ? undefined : "a positive whole number"}>
          <Input
            inline
            className="w-28"
            inputMode="numeric"
            value={limit}
            onChange={(event) => setLimit(event.target.value)}
          />
        </Field>
        <Button
          type="submit"
          size="sm"
          disabled={Boolean(active) || create.isPending || !limitValid || !chosen?.configured}
        >
          Start labeling
        </Button>
      </form>
      {labelers
        .filter((entry) => !entry.configured)
        .map((entry) => (
          <p key={entry.kind} className="text-xs text-slate-500">
            {entry.note}
          </p>
        ))}
      {create.isError || cancel.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {(create.error ?? cancel.error)?.message}
        </p>
      ) : null}
      {jobs.length ? (
        <ul className="space-y-2">
          {jobs.slice(0, 5).map((entry) => {
            const running = entry.job.status === "queued" || entry.job.status === "running";
            return (
              <li key={entry.job.id} className="flex flex-wrap items-start gap-3 text-xs" data-testid="label-job">
                <span className="w-56 font-medium">
                  Job #{entry.job.id}: {entry.labeler} on {sourceNames[entry.source]}
                  {entry.limit === null ? "" : ` (at most ${entry.limit})`}
                </span>
                <BackfillProgress job={entry.job} label={`Label job #${entry.job.id}`} />
                {running ? (
                  <Button
                    size="xs"
                    disabled={cancel.isPending}
                    onClick={() => cancel.mutate(entry.job.id)}
                    aria-label={`Cancel label job #${entry.job.id}`}
                  >
                    Cancel
                  </Button>
                ) : null}
                {entry.summary ? <span className="basis-full text-slate-600">{entry.summary}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
