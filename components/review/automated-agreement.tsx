import type { Agreement, AutomatedAgreement } from "@/lib/contracts/review";
import { DataTable } from "../ui/data-table";

const VERDICTS = ["GROUP", "SEPARATE", "UNSURE"] as const;

function kappaText(entry: AutomatedAgreement): string {
  return entry.kappa === null ? "undefined" : entry.kappa.toFixed(3);
}

/** Rows: the labeler's verdict; columns: the experts' majority; the diagonal is agreement. */
function ConfusionMatrix({ entry }: { entry: AutomatedAgreement }) {
  const count = (labeler: string, experts: string) =>
    entry.confusion.find((cell) => cell.labeler === labeler && cell.experts === experts)?.count ?? 0;
  return (
    <table className="text-xs" aria-label={`Confusion matrix of ${entry.labeler} against the experts`}>
      <thead>
        <tr>
          <th scope="col" className="px-2 py-1 text-left font-normal text-slate-500">
            {entry.labeler} ↓ · experts →
          </th>
          {VERDICTS.map((verdict) => (
            <th key={verdict} scope="col" className="px-2 py-1 text-right font-medium">
              {verdict}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {VERDICTS.map((mine) => (
          <tr key={mine}>
            <th scope="row" className="px-2 py-1 text-left font-medium">
              {mine}
            </th>
            {VERDICTS.map((experts) => (
              <td
                key={experts}
                className={`px-2 py-1 text-right tabular-nums ${mine === experts ? "bg-emerald-50 font-semibold" : ""} ${
                  mine === "GROUP" && experts === "SEPARATE" && count(mine, experts) > 0
                    ? "bg-rose-50 text-rose-800"
                    : ""
                }`}
              >
                {count(mine, experts)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each automated labeler's Cohen's kappa and confusion matrix against the experts' majority. */
export function AutomatedAgreementSection({
  automated,
  minKappa,
  minShared,
}: Pick<Agreement, "automated" | "minKappa" | "minShared">) {
  return (
    <section aria-label="Automated labelers against the experts">
      <h2 className="mb-2 text-sm font-semibold">Automated labelers against the experts&apos; majority</h2>
      <DataTable
        columns={[
          "Labeler",
          { label: "Labeled", align: "right" },
          { label: "With an expert majority", align: "right" },
          { label: "Observed agreement", align: "right" },
          { label: "κ", align: "right" },
          "Confusion matrix",
        ]}
      >
        {automated.length === 0 ? (
          <tr>
            <td colSpan={6} className="px-3 py-3 text-slate-600">
              No automated labeler has labeled pairs yet:{" "}
              <code className="font-mono">npm run label -- --labeler builtin</code>.
            </td>
          </tr>
        ) : null}
        {automated.map((entry) => (
          <tr key={entry.labeler} data-testid={`automated-${entry.labeler}`}>
            <th scope="row" className="px-3 py-2 text-left align-top font-medium">
              {entry.labeler}
              <div className="text-xs font-normal text-slate-500">{entry.versions.join(", ")}</div>
            </th>
            <td className="px-3 py-2 text-right align-top tabular-nums">{entry.labeled}</td>
            <td className="px-3 py-2 text-right align-top tabular-nums">{entry.n}</td>
            <td className="px-3 py-2 text-right align-top tabular-nums">
              {entry.n ? `${(entry.observed * 100).toFixed(1)}%` : "—"}
            </td>
            <td className="px-3 py-2 text-right align-top tabular-nums">
              <span data-testid="automated-kappa">{kappaText(entry)}</span>
              <div className={`text-xs ${entry.passes ? "text-emerald-700" : "text-slate-500"}`}>
                {entry.passes ? "may stand in for the experts" : `needs ≥ ${minKappa} on ${minShared} pairs`}
              </div>
            </td>
            <td className="px-3 py-2 align-top">
              <ConfusionMatrix entry={entry} />
            </td>
          </tr>
        ))}
      </DataTable>
      <p className="mt-1 text-xs text-slate-500">
        Automated labels are never counted as an expert&apos;s. κ is Cohen&apos;s kappa on the pairs where the experts
        (people and simulated experts) have a strict majority; the Overgrouping page can compute its rates from a
        labeler whose κ is at least {minKappa} on {minShared} or more pairs.
      </p>
    </section>
  );
}
