"use client";

import { useWatch } from "react-hook-form";
import { applyCohortRequestSchema, cohortSchema } from "@/lib/contracts/rollout";
import { useApplyCohortMutation, useCreateBackfillMutation, usePreviewCohortMutation } from "@/lib/queries/rollout";
import { Button } from "../ui/button";
import { ChoiceSelect } from "../ui/choice-select";
import { fieldError, showServerError, useContractForm, type ContractField } from "../ui/contract-form";
import { Field } from "../ui/field";
import { FormError } from "../ui/form-error";
import { Input } from "../ui/input";
import { CohortFields } from "./cohort-fields";
import { emptyAsUndefined, localTimeAsIso } from "./form-values";

const fields = [
  "cohort.kind",
  "cohort.platform",
  "cohort.minEvents",
  "cohort.maxEvents",
  "cohort.minCoveragePercent",
  "cohort.percent",
  "cohort.salt",
  "cohort",
  "change",
  "change.groupingModel",
  "change.skipFallback",
  "reason",
  "runAt",
] as const satisfies readonly ContractField<typeof applyCohortRequestSchema>[];

/** The empty first choice of a setting's select: the setting stays as it is. */
const unchanged = { value: "", label: "unchanged" };

const skipFallbackValue = (value: unknown) =>
  typeof value !== "string" ? value : value === "" ? undefined : value === "on";

/** Choose projects by filter or sticky percentage, preview them, and apply (or schedule) one audited change. */
export function CohortForm({ models, nextModel }: { models: string[]; nextModel: string | null }) {
  const preview = usePreviewCohortMutation();
  const apply = useApplyCohortMutation();
  const backfill = useCreateBackfillMutation();
  const form = useContractForm(applyCohortRequestSchema, {
    defaultValues: { cohort: { kind: "filter" }, change: { groupingModel: nextModel ?? undefined }, reason: "" },
  });
  const scheduled = useWatch({ control: form.control, name: "runAt" }) !== undefined;
  const onError = (error: Error) => showServerError(form, error, fields);

  /** Checks only the cohort's fields, then hands the parsed cohort on (preview and backfill need nothing else). */
  const withCohort = (use: (cohort: ReturnType<typeof cohortSchema.parse>) => void) => async () => {
    if (await form.trigger("cohort", { shouldFocus: true })) use(cohortSchema.parse(form.getValues("cohort")));
  };

  return (
    <section aria-label="Cohort change" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold">Change a cohort</h2>
      <form
        className="mt-3 grid gap-3 md:grid-cols-4"
        noValidate
        onSubmit={form.handleSubmit((request) => apply.mutate(request, { onError }))}
      >
        <CohortFields form={form} />
        <Field label="Grouping model" error={fieldError(form, "change.groupingModel") ?? fieldError(form, "change")}>
          <ChoiceSelect
            noChoice={unchanged}
            choices={models}
            {...form.register("change.groupingModel", { setValueAs: emptyAsUndefined })}
          />
        </Field>
        <Field label="Skip fallback" error={fieldError(form, "change.skipFallback")}>
          <ChoiceSelect
            noChoice={unchanged}
            choices={["on", "off"]}
            {...form.register("change.skipFallback", { setValueAs: skipFallbackValue })}
          />
        </Field>
        <Field label="When (empty: now)" error={fieldError(form, "runAt")}>
          <Input type="datetime-local" {...form.register("runAt", { setValueAs: localTimeAsIso })} />
        </Field>
        <Field label="Cohort reason" error={fieldError(form, "reason")} className="md:col-span-2">
          <Input {...form.register("reason")} />
        </Field>
        <div className="flex flex-wrap items-end gap-2 md:col-span-4">
          <Button
            size="xs"
            onClick={withCohort((cohort) => preview.mutate(cohort, { onError }))}
            disabled={preview.isPending}
          >
            Preview cohort
          </Button>
          <Button type="submit" variant="primary" disabled={apply.isPending}>
            {scheduled ? "Schedule change" : "Apply change"}
          </Button>
          <Button
            size="xs"
            onClick={withCohort((cohort) => backfill.mutate({ cohort }, { onError }))}
            disabled={backfill.isPending}
          >
            Backfill cohort
          </Button>
        </div>
      </form>
      <div aria-live="polite" className="mt-2 text-sm">
        {preview.data ? (
          <p>
            {preview.data.projects.length} project{preview.data.projects.length === 1 ? "" : "s"}:{" "}
            {preview.data.projects.map((p) => p.name).join(", ") || "none"}
          </p>
        ) : null}
        {apply.data ? (
          <p className="text-emerald-700">
            {apply.data.scheduled
              ? `Scheduled as change #${apply.data.scheduled.id}.`
              : `Changed ${apply.data.applied.length} project(s).`}
          </p>
        ) : null}
        {backfill.data ? <p className="text-emerald-700">Queued {backfill.data.jobs.length} backfill job(s).</p> : null}
        <FormError message={form.formState.errors.root?.server?.message} />
      </div>
    </section>
  );
}
