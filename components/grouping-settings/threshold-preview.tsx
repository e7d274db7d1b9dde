import type { ThresholdPreview } from "@/lib/contracts/grouping-settings";
import { PreviewIssueLabel } from "./preview-issue";

/** What a threshold change would have done to the project's recent AI decisions of that model. */
export function ThresholdPreviewView({ preview }: { preview: ThresholdPreview }) {
  const target = preview.threshold === null ? "the calibrated threshold" : `a threshold of ${preview.threshold}`;
  return (
    <div role="group" aria-label="Threshold preview" className="space-y-2 border-t border-slate-200 pt-3 text-sm">
      <h3 className="text-xs font-semibold uppercase text-slate-500">
        AI decisions under {target} ({preview.model})
      </h3>
      {preview.decisionsConsidered === 0 ? (
        <p className="text-slate-600">No recent AI decision of {preview.model} to replay.</p>
      ) : (
        <p>
          Of the {preview.decisionsConsidered} most recent decisions, {preview.mergesUndone} merge
          {preview.mergesUndone === 1 ? "" : "s"} would be undone and {preview.mergesAdded} merge
          {preview.mergesAdded === 1 ? "" : "s"} added.
        </p>
      )}
      {preview.examples.length ? (
        <ul className="space-y-1">
          {preview.examples.map((example, index) => (
            <li key={index}>
              {example.eventTitle}: {example.change === "merge_undone" ? "would leave" : "would join"}{" "}
              <PreviewIssueLabel issue={example.issue} /> (distance {example.distance.toFixed(4)}, was judged against{" "}
              {example.thresholdBefore})
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
