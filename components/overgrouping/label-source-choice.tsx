"use client";

import { EXPERTS, type DashboardResponse } from "@/lib/contracts/overgrouping";

/**
 * Whose labels the overgrouping rates come from: the experts' (the default), or an automated labeler's once its
 * kappa against the experts passes; the others are listed, disabled, with their kappa.
 */
export function LabelSourceChoice({
  value,
  onChange,
  options,
  minKappa,
}: {
  value: string;
  onChange: (value: string) => void;
  options: DashboardResponse["labelSources"];
  minKappa: number;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>Rates from</span>
      <select
        className="rounded border border-slate-300 bg-white px-2 py-1"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value={EXPERTS}>experts&apos; labels</option>
        {options.map((option) => (
          <option key={option.labeler} value={option.labeler} disabled={!option.passes}>
            {option.labeler} (κ {option.kappa === null ? "–" : option.kappa.toFixed(2)} on {option.n} pairs
            {option.passes ? "" : `, below ${minKappa}`})
          </option>
        ))}
      </select>
    </label>
  );
}
