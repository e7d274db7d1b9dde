import type { ReviewPair } from "@/lib/contracts/review";

/** The platform's labeling guidelines, beside the pair. */
export function GuidelinePanel({ guideline }: { guideline: ReviewPair["guideline"] }) {
  return (
    <aside aria-label="Guidelines" className="rounded-lg border border-slate-200 bg-white p-3">
      <h2 className="mb-1 text-sm font-semibold">Guidelines for {guideline.platform}</h2>
      <div className="space-y-1 whitespace-pre-wrap text-xs text-slate-700">{guideline.body}</div>
      <p className="mt-2 text-[11px] text-slate-500">
        {guideline.updatedBy ? `Edited by ${guideline.updatedBy}` : "Default guidelines"} ·{" "}
        <a href="/review/guidelines" className="text-indigo-700 hover:underline">
          all guidelines
        </a>
      </p>
    </aside>
  );
}
