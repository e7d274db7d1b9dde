"use client";

import { EXPERTS, type DashboardResponse } from "@/lib/contracts/overgrouping";
import { Field } from "../ui/field";
import { Select } from "../ui/select";

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
    <Field label="Rates from">
      <Select inline value={value} onChange={(event) => onChange(event.target.value)}>
        <option value={EXPERTS}>experts&apos; labels</option>
        {options.map((option) => (
          <option key={option.labeler} value={option.labeler} disabled={!option.passes}>
            {option.labeler} (κ {option.kappa === null ? "–" : option.kappa.toFixed(2)} on {option.n} pairs
            {option.passes ? "" : `, below ${minKappa}`})
          </option>
        ))}
      </Select>
    </Field>
  );
}
