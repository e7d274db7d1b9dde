"use client";

import { useState } from "react";
import type { WhatIf, WhatIfResult } from "@/lib/contracts/what-if";
import { useCreateWhatIfMutation, useQueueWhatIfMutation, useWhatIfQuery } from "@/lib/queries/rollout";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { BackfillProgress } from "./backfill-control";
import { formatPercent } from "./format";

const active = (replay: WhatIf) => replay.job.status === "queued" || replay.job.status === "running";

function rateText(rate: WhatIfResult["replay"]["mergeRate"], n: number): string {
  if (!rate) return `— (n = ${n})`;
  return `${formatPercent(rate.value)} (95% CI ${formatPercent(rate.low)}–${formatPercent(rate.high)}, n = ${n})`;
}

/** One line for the rollout table: what the latest replay found. */
export function whatIfSummary(replay: WhatIf): string {
  const result = replay.result;
  if (!result) return `${replay.model}: ${replay.job.status}${replay.job.error ? ` (${replay.job.error})` : ""}`;
  return (
    `${replay.model}: ${result.replay.issues} issues vs ${result.today.issues} today · ` +
    `${result.replay.merges} merges · ${result.unlabeled} unlabeled`
  );
}

function WhatIfResultView({ replay, projectId, canEdit }: { replay: WhatIf; projectId: number; canEdit: boolean }) {
  const queue = useQueueWhatIfMutation(projectId);
  const result = replay.result!;
  const threshold = replay.threshold === null ? "the project's threshold" : `threshold ${replay.threshold}`;
  return (
    <div className="space-y-2 text-sm" data-testid="what-if-result">
      <p className="text-xs text-slate-500">
        Replay #{replay.job.id}: {result.events} events of the last {replay.days} days through {replay.model} (
        {threshold}){result.leftOut ? `; ${result.leftOut} older events of the window left out` : ""}. Nothing was
        written to the live index.
      </p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-500">Issues</dt>
        <dd data-testid="what-if-issues">
          {result.replay.issues} with {replay.model} vs {result.today.issues} today
        </dd>
        <dt className="text-slate-500">AI merges</dt>
        <dd>
          {result.replay.merges} of {result.replay.reachedAi} events that reach the AI step (today{" "}
          {result.today.aiMerges}
          ); merge rate {rateText(result.replay.mergeRate, result.replay.reachedAi)}
        </dd>
        <dt className="text-slate-500">Estimated overgrouping</dt>
        <dd data-testid="what-if-overgrouping">
          {result.overgrouping.labeled
            ? `${result.overgrouping.incorrect} wrong of ${result.overgrouping.labeled} merges the experts labeled: ${rateText(result.overgrouping.rate, result.overgrouping.labeled)}`
            : "no merge of the replay is labeled by an expert"}
        </dd>
        <dt className="text-slate-500">Unlabeled merges</dt>
        <dd data-testid="what-if-unlabeled">
          {result.unlabeled}
          {result.queued ? ` (${result.queued} in the review queue)` : ""}
        </dd>
      </dl>
      {result.unlabeledMerges.length ? (
        <ul className="max-h-32 space-y-1 overflow-y-auto text-xs">
          {result.unlabeledMerges.slice(0, 10).map((merge) => (
            <li key={`${merge.eventId}-${merge.matchedEventId}`}>
              <span className="font-mono">{merge.distance.toFixed(4)}</span> {merge.title}{" "}
              <span className="text-slate-500">→</span> {merge.matchedTitle}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit && result.unlabeled > result.queued ? (
        <Button size="xs" disabled={queue.isPending} onClick={() => queue.mutate(replay.job.id)}>
          Queue {result.unlabeled - result.queued} unlabeled merges for review
        </Button>
      ) : null}
      {queue.isSuccess ? (
        <p role="status" className="text-xs text-emerald-700">
          {queue.data.created} pair(s) added to the review queue ({queue.data.existing} were there already).
        </p>
      ) : null}
      {queue.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {queue.error.message}
        </p>
      ) : null}
    </div>
  );
}

/**
 * What a model and threshold would do to the project's recent events, before a flag flips: the latest replay of
 * `model` (or of any model when the choice is open), a form to run one (admins), its progress and its result.
 */
export function WhatIfPanel({
  projectId,
  projectName,
  models,
  canEdit,
}: {
  projectId: number;
  projectName: string;
  /** The models to choose from; one model: the replay is of that model only (the flag dialog's). */
  models: string[];
  canEdit: boolean;
}) {
  const replays = useWhatIfQuery(projectId);
  const create = useCreateWhatIfMutation(projectId);
  const [model, setModel] = useState(models[0]!);
  const [threshold, setThreshold] = useState("");
  const [days, setDays] = useState("14");
  const thresholdValue = threshold.trim() === "" ? undefined : Number(threshold);
  const daysValue = Number(days);
  const thresholdValid =
    thresholdValue === undefined || (Number.isFinite(thresholdValue) && thresholdValue >= 0 && thresholdValue <= 2);
  const daysValid = Number.isInteger(daysValue) && daysValue >= 1 && daysValue <= 90;
  const valid = thresholdValid && daysValid;
  const latest = replays.data?.find((replay) => replay.model === model) ?? null;
  const running = replays.data?.find(active) ?? null;
  return (
    <section aria-label={`What-if replay of ${projectName}`} className="space-y-3">
      {canEdit ? (
        <form
          className="flex flex-wrap items-end gap-3 text-sm"
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate({
              model,
              days: daysValue,
              ...(thresholdValue === undefined ? {} : { threshold: thresholdValue }),
            });
          }}
        >
          {models.length > 1 ? (
            <Field label="Model">
              <Select inline value={model} onChange={(event) => setModel(event.target.value)}>
                {models.map((version) => (
                  <option key={version}>{version}</option>
                ))}
              </Select>
            </Field>
          ) : null}
          <Field label="Threshold (optional)" error={thresholdValid ? undefined : "a cosine distance from 0 to 2"}>
            <Input
              inline
              className="w-28"
              inputMode="decimal"
              placeholder="project's"
              value={threshold}
              onChange={(event) => setThreshold(event.target.value)}
            />
          </Field>
          <Field label="Days" error={daysValid ? undefined : "a whole number from 1 to 90"}>
            <Input
              inline
              className="w-20"
              inputMode="numeric"
              value={days}
              onChange={(event) => setDays(event.target.value)}
            />
          </Field>
          <Button type="submit" size="sm" disabled={!valid || create.isPending || running !== null}>
            Replay through {model}
          </Button>
        </form>
      ) : null}
      {create.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {create.error.message}
        </p>
      ) : null}
      {running ? <BackfillProgress job={running.job} label={`What-if replay of ${projectName}`} /> : null}
      {latest?.result ? (
        <WhatIfResultView replay={latest} projectId={projectId} canEdit={canEdit} />
      ) : latest && !active(latest) ? (
        <p className="text-xs text-slate-500">
          The last replay through {model} {latest.job.status}
          {latest.job.error ? `: ${latest.job.error}` : ""}.
        </p>
      ) : !running ? (
        <p className="text-xs text-slate-500">No replay through {model} yet.</p>
      ) : null}
    </section>
  );
}
