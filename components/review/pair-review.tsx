import type { ModelDecision, ReviewPair, Verdict } from "@/lib/contracts/review";
import { kindLabels, sourceLabels } from "@/lib/contracts/review";
import type { ReactNode } from "react";
import { DecisionsPanel } from "./decisions-panel";
import { GuidelinePanel } from "./guideline-panel";
import { StacktraceDiff } from "./stacktrace-diff";

export interface Revealed {
  pairId: number;
  verdict: Verdict;
  decisions: ModelDecision[];
  conflict: boolean;
}

/** One pair: the aligned traces, and beside them the decisions, the labels, the guidelines and the controls. */
export function PairReview({
  pair,
  controls,
  revealed,
}: {
  pair: ReviewPair;
  controls: ReactNode;
  revealed: Revealed | null;
}) {
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 space-y-3">
        <div className="flex flex-wrap items-baseline gap-x-3 text-sm text-slate-600">
          <h2 className="text-base font-semibold text-slate-900">Pair #{pair.id}</h2>
          <span>{pair.projectName}</span>
          <span>{pair.platform}</span>
          <span>
            source: {sourceLabels[pair.source]}
            {pair.model ? ` (${pair.model})` : ""}
          </span>
          <span>sampling weight {pair.samplingWeight.toFixed(2)}</span>
          {pair.myLabel ? <span className="font-medium text-slate-900">Your label: {pair.myLabel.verdict}</span> : null}
        </div>
        {controls}
        <StacktraceDiff pair={pair} />
      </div>
      <div className="space-y-3">
        {revealed ? (
          <div role="status" className="space-y-2 rounded-lg border border-indigo-200 bg-indigo-50 p-2">
            <p className="text-xs text-indigo-900">
              Saved {revealed.verdict} for pair #{revealed.pairId}.
              {revealed.conflict ? " Its labels now disagree: it went to the Conflicts queue." : ""}
            </p>
            <DecisionsPanel decisions={revealed.decisions} title={`Decisions for pair #${revealed.pairId}`} />
          </div>
        ) : null}
        <DecisionsPanel decisions={pair.decisions} />
        {pair.labels.length ? (
          <section aria-label="Other labels" className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
            <h2 className="mb-1 text-sm font-semibold">Other labels</h2>
            <ul className="space-y-1">
              {pair.labels.map((label) => (
                <li key={label.labeler}>
                  <span className="font-medium">{label.verdict}</span> by {label.labeler}
                  {label.labelerKind === "expert" ? "" : ` (${kindLabels[label.labelerKind]})`}
                  {label.reason ? ` · ${label.reason}` : ""}
                  {label.note ? <span className="block text-xs text-slate-600">{label.note}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <GuidelinePanel guideline={pair.guideline} />
      </div>
    </div>
  );
}
