"use client";

import { useWatch } from "react-hook-form";
import type { applyCohortRequestSchema } from "@/lib/contracts/rollout";
import { fieldError, type ContractForm } from "../ui/contract-form";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { emptyAsUndefined, optionalNumber } from "./form-values";

/** How the cohort form picks projects: by filter (platform, events, coverage) or a sticky percentage. */
export function CohortFields({ form }: { form: ContractForm<typeof applyCohortRequestSchema> }) {
  const kind = useWatch({ control: form.control, name: "cohort.kind" });
  return (
    <>
      <Field label="Select by" error={fieldError(form, "cohort.kind")}>
        <Select {...form.register("cohort.kind")}>
          <option value="filter">filter</option>
          <option value="percentage">sticky percentage</option>
        </Select>
      </Field>
      {kind === "percentage" ? (
        <>
          <Field label="Percent of projects" error={fieldError(form, "cohort.percent")}>
            <Input
              type="number"
              step="any"
              defaultValue="10"
              {...form.register("cohort.percent", { setValueAs: optionalNumber })}
            />
          </Field>
          <Field label="Salt" error={fieldError(form, "cohort.salt")}>
            <Input placeholder="same salt, same projects" {...form.register("cohort.salt")} />
          </Field>
        </>
      ) : (
        <>
          <Field label="Platform" error={fieldError(form, "cohort.platform")}>
            <Input placeholder="any" {...form.register("cohort.platform", { setValueAs: emptyAsUndefined })} />
          </Field>
          <Field label="Events at least" error={fieldError(form, "cohort.minEvents")}>
            <Input type="number" {...form.register("cohort.minEvents", { setValueAs: optionalNumber })} />
          </Field>
          <Field label="Events at most" error={fieldError(form, "cohort.maxEvents")}>
            <Input type="number" {...form.register("cohort.maxEvents", { setValueAs: optionalNumber })} />
          </Field>
          <Field label="v2 coverage at least (%)" error={fieldError(form, "cohort.minCoveragePercent")}>
            <Input type="number" {...form.register("cohort.minCoveragePercent", { setValueAs: optionalNumber })} />
          </Field>
        </>
      )}
    </>
  );
}
