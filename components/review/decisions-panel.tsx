import type { ModelDecision } from "@/lib/contracts/review";

const fmt = (value: number | null, digits = 4) => (value === null ? "—" : value.toFixed(digits));

/** v1's and v2's decision on the pair; in blind mode (decisions null) says they are hidden until the label is saved. */
export function DecisionsPanel({
  decisions,
  title = "Model decisions",
}: {
  decisions: ModelDecision[] | null;
  title?: string;
}) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-3">
      <h2 className="mb-2 text-sm font-semibold">{title}</h2>
      {decisions === null ? (
        <p className="text-sm text-slate-600">Hidden in blind mode until you save your label.</p>
      ) : (
        <table className="w-full text-xs [&_tr>*]:px-1 [&_tr>*:first-child]:pl-0 [&_tr>*:last-child]:pr-0">
          {/* Sentence-case headers and a Decision that may wrap keep the table inside the narrow side column. */}
          <thead className="text-left text-[11px] text-slate-500 [&_th]:font-medium">
            <tr>
              <th scope="col">Model</th>
              {["Distance", "Threshold", "Margin", "Decision"].map((label) => (
                <th key={label} scope="col" className="text-right">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {decisions.map((d) => (
              <tr key={d.model}>
                <th scope="row" className="text-left font-medium">
                  {d.model}
                </th>
                <td className="text-right tabular-nums">{fmt(d.distance)}</td>
                <td className="text-right tabular-nums">{fmt(d.threshold)}</td>
                <td className="text-right tabular-nums">
                  {d.margin === null ? "—" : `${d.margin >= 0 ? "+" : ""}${d.margin.toFixed(4)}`}
                </td>
                <td className={`text-right font-medium ${d.wouldMerge ? "text-rose-700" : "text-emerald-700"}`}>
                  {d.wouldMerge === null ? "unknown" : d.wouldMerge ? "would merge" : "would not merge"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
