"use client";

import { useAgreementQuery } from "@/lib/queries/review";
import { DataTable } from "../ui/data-table";
import { ErrorState, LoadingState } from "../ui/states";
import { AutomatedAgreementSection } from "./automated-agreement";
import { LabelJobPanel } from "./label-job-panel";

const pct = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(1)}%`);

/**
 * Each automated labeler against the experts' majority, then Cohen's kappa per pair of experts and each expert's
 * agreement with the majority of the others.
 */
export function AgreementView({ isAdmin }: { isAdmin: boolean }) {
  const query = useAgreementQuery();
  if (query.isPending) return <LoadingState label="Loading agreement…" />;
  if (query.isError) return <ErrorState title="Could not load the agreement." error={query.error} />;
  const { kappas, tooFew, majority, minShared, automated, minKappa } = query.data;
  return (
    <div className="space-y-6">
      {isAdmin ? <LabelJobPanel /> : null}
      <AutomatedAgreementSection automated={automated} minKappa={minKappa} minShared={minShared} />
      <section aria-label="Cohen's kappa">
        <h2 className="mb-2 text-sm font-semibold">
          Cohen&apos;s kappa per pair of experts (at least {minShared} shared pairs)
        </h2>
        <DataTable
          columns={[
            "Labelers",
            { label: "Shared pairs", align: "right" },
            { label: "Observed agreement", align: "right" },
            { label: "By chance", align: "right" },
            { label: "κ", align: "right" },
          ]}
        >
          {kappas.length === 0 ? (
            <tr>
              <td colSpan={5} className="px-3 py-3 text-slate-600">
                No two labelers share {minShared} labeled pairs yet.
              </td>
            </tr>
          ) : null}
          {kappas.map((k) => (
            <tr key={`${k.a}|${k.b}`}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {k.a} · {k.b}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{k.n}</td>
              <td className="px-3 py-2 text-right tabular-nums">{pct(k.observed)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{pct(k.expected)}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {k.kappa === null ? "undefined (no variation)" : k.kappa.toFixed(3)}
              </td>
            </tr>
          ))}
        </DataTable>
        {tooFew.length ? (
          <p className="mt-1 text-xs text-slate-500">
            Not enough shared pairs yet: {tooFew.map((t) => `${t.a} · ${t.b} (${t.n})`).join(", ")}.
          </p>
        ) : null}
      </section>
      <section aria-label="Agreement with the majority">
        <h2 className="mb-2 text-sm font-semibold">Agreement with the majority of the other labelers</h2>
        <DataTable
          columns={[
            "Labeler",
            { label: "Pairs with a majority", align: "right" },
            { label: "Agreed", align: "right" },
            { label: "Rate", align: "right" },
          ]}
        >
          {majority.map((m) => (
            <tr key={m.labeler}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {m.labeler}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{m.compared}</td>
              <td className="px-3 py-2 text-right tabular-nums">{m.agreed}</td>
              <td className="px-3 py-2 text-right tabular-nums">{pct(m.rate)}</td>
            </tr>
          ))}
        </DataTable>
        <p className="mt-1 text-xs text-slate-500">
          The majority is that of the other labelers of the same pair (the labeler&apos;s own verdict left out); ties
          are not counted.
        </p>
      </section>
    </div>
  );
}
