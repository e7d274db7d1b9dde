import type { ReactNode } from "react";
import type { RulesPreview } from "@/lib/contracts/grouping-settings";
import { ComponentTree } from "../issues/component-tree";
import { eventCount, PreviewIssueLabel } from "./preview-issue";

function Counts({ preview }: { preview: RulesPreview }) {
  const rows: [string, string][] = [
    ["Events that would change issue", `${preview.eventsChangingIssue} of ${preview.eventsConsidered}`],
    ["Events with new hashes", `${preview.eventsRehashed} of ${preview.eventsConsidered}`],
    ["Issues that would split", String(preview.splitCount)],
    ["Issues that would merge into one", String(preview.mergeCount)],
  ];
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" aria-label="What the rules change">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="font-medium tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type PreviewPart = RulesPreview["merges"][number]["from"][number];

function PreviewParts({ parts }: { parts: PreviewPart[] }) {
  return parts.map((part, i) => (
    <span key={i}>
      {i > 0 ? ", " : ""}
      <PreviewIssueLabel issue={part.issue} /> ({eventCount(part.events)})
    </span>
  ));
}

function PreviewSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <h3 className="text-xs font-semibold uppercase text-slate-500">{title}</h3>
      <ul className="mt-1 space-y-1 text-sm">{children}</ul>
    </div>
  );
}

function Merges({ preview }: { preview: RulesPreview }) {
  if (preview.merges.length === 0) return null;
  return (
    <PreviewSection title="Would merge">
      {preview.merges.map((merge, index) => (
        <li key={index}>
          Into <PreviewIssueLabel issue={merge.into} />: <PreviewParts parts={merge.from} />
        </li>
      ))}
    </PreviewSection>
  );
}

function Splits({ preview }: { preview: RulesPreview }) {
  if (preview.splits.length === 0) return null;
  return (
    <PreviewSection title="Would split">
      {preview.splits.map((split, index) => (
        <li key={index}>
          <PreviewIssueLabel issue={split.issue} /> ({eventCount(split.events)}) into{" "}
          <PreviewParts parts={split.into} />
        </li>
      ))}
    </PreviewSection>
  );
}

type Variant = NonNullable<RulesPreview["sample"]>["variants"][number];

function VariantTree({ variant }: { variant: Variant }) {
  return (
    <div className="mt-1">
      <p className="text-xs">
        {variant.name}{" "}
        <span className="font-mono text-slate-500">{variant.hash ? variant.hash.slice(0, 12) : "no hash"}</span>
        {variant.values ? <span className="ml-2">fingerprint {JSON.stringify(variant.values)}</span> : null}
      </p>
      <ul className="mt-1">
        <ComponentTree component={variant.component} />
      </ul>
    </div>
  );
}

function Sample({ sample }: { sample: NonNullable<RulesPreview["sample"]> }) {
  const moved = sample.movesTo.id !== sample.issue.id;
  // The variants that give the event its hashes first; the others (a custom fingerprint took over) folded away.
  const withHash = sample.variants.filter((variant) => variant.hash !== null);
  const withoutHash = sample.variants.filter((variant) => variant.hash === null);
  return (
    <div aria-label="Sample event" role="group" className="space-y-2 border-t border-slate-200 pt-3">
      <h3 className="text-xs font-semibold uppercase text-slate-500">Sample event under the new rules</h3>
      <p className="text-sm font-medium">{sample.title}</p>
      <p className="text-sm">
        In <PreviewIssueLabel issue={sample.issue} /> now
        {moved ? (
          <>
            ; would be in <PreviewIssueLabel issue={sample.movesTo} />
          </>
        ) : (
          ", and would stay there"
        )}
        .
      </p>
      <p className="font-mono text-xs text-slate-600">
        hashes {sample.hashesBefore.map((hash) => hash.slice(0, 8)).join(", ")} →{" "}
        {sample.hashesAfter.map((hash) => hash.slice(0, 8)).join(", ")}
      </p>
      <div>
        <h4 className="text-xs font-semibold">Component tree</h4>
        {withHash.map((variant) => (
          <VariantTree key={variant.name} variant={variant} />
        ))}
        {withoutHash.length ? (
          <details className="mt-1">
            <summary className="cursor-pointer text-xs text-indigo-700">
              Variants without a hash ({withoutHash.map((variant) => variant.name).join(", ")})
            </summary>
            {withoutHash.map((variant) => (
              <VariantTree key={variant.name} variant={variant} />
            ))}
          </details>
        ) : null}
      </div>
      <div>
        <h4 className="text-xs font-semibold">Embedding text</h4>
        {sample.embeddingText !== null ? (
          <pre
            aria-label="Embedding text"
            className="mt-1 max-h-64 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100"
          >
            {sample.embeddingText}
          </pre>
        ) : (
          <p className="text-sm text-slate-600">Not sent to the AI step: {sample.aiIneligibleReason}.</p>
        )}
      </div>
    </div>
  );
}

/** What candidate rules would do to the recent events: counts, merges, splits, and one event under the rules. */
export function RulesPreviewView({ preview }: { preview: RulesPreview }) {
  if (preview.eventsConsidered === 0) {
    return <p className="text-sm text-slate-600">The project has no events yet: there is nothing to preview on.</p>;
  }
  return (
    <div className="space-y-3">
      <Counts preview={preview} />
      <Merges preview={preview} />
      <Splits preview={preview} />
      {preview.sample ? <Sample sample={preview.sample} /> : null}
    </div>
  );
}
