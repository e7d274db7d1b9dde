import type { AiDecision, WhyGrouped } from "@/lib/contracts/issues";
import { ComponentTree } from "./component-tree";

function formatDistance(distance: number | null): string {
  return distance === null ? "—" : distance.toFixed(4);
}

function DecisionSummary({ decision }: { decision: AiDecision }) {
  const answered = decision.fallback
    ? `${decision.modelRequested} found nothing, so ${decision.modelUsed} answered (fallback)`
    : `${decision.modelUsed} answered`;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-slate-500">Model</dt>
      <dd>{answered}</dd>
      <dt className="text-slate-500">Nearest issue hash</dt>
      <dd className="font-mono text-xs">{decision.parentHash ?? "none within the threshold"}</dd>
      <dt className="text-slate-500">Distance / threshold</dt>
      <dd>
        {formatDistance(decision.distance)} / {decision.threshold}
        {decision.shouldGroup ? " → merged" : " → kept apart"}
      </dd>
      {decision.shadow ? (
        <>
          <dt className="text-slate-500">Shadow ({decision.shadow.model}, read-only)</dt>
          <dd>
            {decision.shadow.parentHash
              ? `nearest ${decision.shadow.parentHash.slice(0, 12)}… at ${formatDistance(decision.shadow.distance)}: would ${decision.shadow.shouldGroup ? "merge" : "not merge"}`
              : "nothing within 0.1: would not merge"}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** The "why grouped" panel of one event. */
export function WhyGroupedPanel({ why }: { why: WhyGrouped }) {
  const contributing = why.variants.filter((variant) => variant.hash);
  return (
    <div className="space-y-3">
      {why.method === "fingerprint" ? (
        <p className="text-sm">
          Grouped by fingerprint: its hash <code className="font-mono text-xs">{why.matchedHash}</code> was already this
          issue&apos;s.
        </p>
      ) : why.method === "ai" ? (
        <p className="text-sm">No fingerprint matched; the AI step merged it into this issue.</p>
      ) : (
        <p className="text-sm">
          This event started the issue.
          {why.ineligibleReason ? ` It was not sent to the AI step: ${why.ineligibleReason}.` : ""}
        </p>
      )}
      {why.decision ? <DecisionSummary decision={why.decision} /> : null}
      <details>
        <summary className="cursor-pointer text-sm text-indigo-700">
          Fingerprint variants ({contributing.length} with a hash)
        </summary>
        {why.variants.map((variant) => (
          <div key={variant.name} className="mt-2">
            <p className="text-xs font-semibold">
              {variant.name} <span className="font-mono font-normal text-slate-500">{variant.hash ?? "no hash"}</span>
              {variant.values ? (
                <span className="ml-2 font-normal">fingerprint {JSON.stringify(variant.values)}</span>
              ) : null}
            </p>
            <ul className="mt-1">
              <ComponentTree component={variant.component} />
            </ul>
          </div>
        ))}
      </details>
      {why.embeddingText ? (
        <details>
          <summary className="cursor-pointer text-sm text-indigo-700">Text the model embedded</summary>
          <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
            {why.embeddingText}
          </pre>
        </details>
      ) : null}
    </div>
  );
}
