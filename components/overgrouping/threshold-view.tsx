"use client";

import Link from "next/link";
import { useState } from "react";
import type { OperatingPointView, ThresholdCurve, ThresholdSource } from "@/lib/contracts/overgrouping";
import { useThresholdExplorerQuery } from "@/lib/queries/overgrouping";
import { ChoiceSelect } from "../ui/choice-select";
import { Field } from "../ui/field";
import { Select } from "../ui/select";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { percent } from "./format";
import { ThresholdChart } from "./threshold-chart";

function pointText(point: OperatingPointView | null): string {
  if (!point) return "no labeled pair";
  const precision = point.precision === null ? "nothing merged" : `precision ${percent(point.precision)}`;
  const recall = point.recall === null ? "no GROUP pair" : `recall ${percent(point.recall)}`;
  return `${precision}, ${recall} (${point.truePositives} right and ${point.falsePositives} wrong merges)`;
}

function CurvePanel({ curve, targetPrecision }: { curve: ThresholdCurve; targetPrecision: number }) {
  const title = `${curve.model} · ${curve.platform === "all" ? "all platforms" : curve.platform}`;
  return (
    <section aria-label={`Threshold curve ${title}`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="text-xs text-slate-500">
        {curve.pairs} labeled pairs with a {curve.model} distance, {curve.groupPairs} GROUP
        {curve.pairs < 30 ? (
          <span className="ml-2 font-medium text-amber-700">⚠ fewer than 30 pairs: the curve is noisy</span>
        ) : null}
      </p>
      {curve.pairs === 0 ? (
        <p className="mt-4 text-sm text-slate-600">No labeled pair has a {curve.model} distance here.</p>
      ) : (
        <>
          <ThresholdChart curve={curve} targetPrecision={targetPrecision} />
          <dl className="mt-2 grid gap-1 text-sm">
            <div>
              <dt className="inline font-medium">Current threshold {curve.currentThreshold?.toFixed(3) ?? "—"}: </dt>
              <dd className="inline">{pointText(curve.atCurrent)}</dd>
            </div>
            <div data-testid="target-threshold">
              <dt className="inline font-medium">Loosest threshold with precision ≥ {percent(targetPrecision)}: </dt>
              <dd className="inline">
                {curve.atTarget ? (
                  <>
                    <strong>{curve.atTarget.threshold.toFixed(4)}</strong> — {pointText(curve.atTarget)}
                  </>
                ) : (
                  `none: no threshold reaches ${percent(targetPrecision)} precision on these pairs`
                )}
              </dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}

/** Data container of the Threshold explorer. */
export function ThresholdView() {
  const [source, setSource] = useState<ThresholdSource>("all");
  const [platform, setPlatform] = useState("all");
  const explorer = useThresholdExplorerQuery(source);
  if (explorer.isPending) return <LoadingState label="Loading the labeled pairs…" />;
  if (explorer.isError) return <ErrorState title="Could not load the threshold curves." error={explorer.error} />;
  const data = explorer.data;
  const curves = data.curves.filter((curve) => curve.platform === platform);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 text-sm">
        <Field label="Platform">
          <ChoiceSelect
            value={platform}
            onChange={(event) => setPlatform(event.target.value)}
            noChoice={{ value: "all", label: "All platforms" }}
            choices={data.platforms}
          />
        </Field>
        <Field label="Labeled pairs">
          <Select value={source} onChange={(event) => setSource(event.target.value as ThresholdSource)}>
            <option value="all">All labeled pairs</option>
            <option value="merge_sample">Random merge sample only</option>
          </Select>
        </Field>
        <Link href="/overgrouping" className="ml-auto text-indigo-700 hover:underline">
          ← Overgrouping rates
        </Link>
      </div>
      <p className="max-w-4xl text-xs text-slate-600">
        A pair counts with the majority of its GROUP/SEPARATE labels and its cached distance under each model; a
        threshold merges pairs at distance ≤ it. “All labeled pairs” includes pairs queued because they were hard
        (disagreements, near-threshold), which pull precision down; the random merge sample holds only pairs some model
        merged, so recall there is relative to those pairs.
      </p>
      {curves.every((curve) => curve.pairs === 0) ? (
        <EmptyState title="No labeled pairs with distances">
          Label pairs in Review; on demo data, <code className="font-mono">npm run demo:label</code> labels the merge
          sample from the corpus ground truth.
        </EmptyState>
      ) : (
        <div className="grid gap-4 xl:grid-cols-2">
          {curves.map((curve) => (
            <CurvePanel key={`${curve.platform}-${curve.model}`} curve={curve} targetPrecision={data.targetPrecision} />
          ))}
        </div>
      )}
    </div>
  );
}
