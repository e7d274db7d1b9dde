"use client";

import { Controller } from "react-hook-form";
import { updateGuardrailsRequestSchema, type GuardrailSettings } from "@/lib/contracts/rollout";
import { useUpdateGuardrailsMutation } from "@/lib/queries/rollout";
import { Button } from "../ui/button";
import {
  fieldError,
  showServerError,
  useContractForm,
  type ContractField,
  type ContractForm,
} from "../ui/contract-form";
import { Field } from "../ui/field";
import { FormError } from "../ui/form-error";
import { Input } from "../ui/input";
import { optionalNumber } from "./form-values";

type GuardrailForm = ContractForm<typeof updateGuardrailsRequestSchema>;

const fields = [
  "settings.maxOvergroupingUpper",
  "settings.minOvergroupingSample",
  "settings.maxFallbackRate",
  "settings.minFallbackLookups",
  "settings.autoPause",
  "reason",
] as const satisfies readonly ContractField<typeof updateGuardrailsRequestSchema>[];

const percentText = (fraction: number) => (Number.isFinite(fraction) ? String(Math.round(fraction * 1000) / 10) : "");
const fromPercent = (text: string) => (text.trim() === "" ? Number.NaN : Number(text) / 100);

/** A rate of the settings, stored as a fraction (0–1) and edited in percent. */
function PercentField({
  form,
  name,
  label,
  disabled,
}: {
  form: GuardrailForm;
  name: "settings.maxOvergroupingUpper" | "settings.maxFallbackRate";
  label: string;
  disabled: boolean;
}) {
  return (
    <Field label={label} error={fieldError(form, name)}>
      <Controller
        control={form.control}
        name={name}
        render={({ field }) => (
          <Input
            type="number"
            step="any"
            disabled={disabled}
            name={field.name}
            ref={field.ref}
            value={percentText(field.value)}
            onBlur={field.onBlur}
            onChange={(e) => field.onChange(fromPercent(e.target.value))}
          />
        )}
      />
    </Field>
  );
}

/** The guardrail settings: shown to everyone, editable (with a reason) by admins. */
export function GuardrailSettingsPanel({ settings, canEdit }: { settings: GuardrailSettings; canEdit: boolean }) {
  const update = useUpdateGuardrailsMutation();
  const form = useContractForm(updateGuardrailsRequestSchema, { defaultValues: { settings, reason: "" } });
  const submit = form.handleSubmit((request) =>
    update.mutate(request, {
      onSuccess: () => form.reset({ settings: request.settings, reason: "" }),
      onError: (error) => showServerError(form, error, fields),
    }),
  );
  const count = (name: "settings.minOvergroupingSample" | "settings.minFallbackLookups", label: string) => (
    <Field label={label} error={fieldError(form, name)}>
      <Input type="number" disabled={!canEdit} {...form.register(name, { setValueAs: optionalNumber })} />
    </Field>
  );
  return (
    <section aria-label="Guardrails" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold">Guardrails</h2>
      <form className="mt-3 grid gap-3 md:grid-cols-3" noValidate onSubmit={submit}>
        <PercentField
          form={form}
          name="settings.maxOvergroupingUpper"
          label="Max v2 overgrouping, upper 95% bound (%)"
          disabled={!canEdit}
        />
        {count("settings.minOvergroupingSample", "Labeled merges needed to judge")}
        <PercentField
          form={form}
          name="settings.maxFallbackRate"
          label="Max fallback rate after the transition (%)"
          disabled={!canEdit}
        />
        {count("settings.minFallbackLookups", "v2 lookups (7 days) needed to judge")}
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" disabled={!canEdit} {...form.register("settings.autoPause")} />
          Auto-pause: move a breaching project back to v1
        </label>
        {canEdit ? (
          <div className="flex items-start gap-2">
            <Field label="Guardrail reason" error={fieldError(form, "reason")} className="flex-1">
              <Input {...form.register("reason")} />
            </Field>
            <Button type="submit" size="xs" className="mt-6" disabled={update.isPending}>
              Save guardrails
            </Button>
          </div>
        ) : null}
      </form>
      <FormError className="mt-2 text-sm" message={form.formState.errors.root?.server?.message} />
    </section>
  );
}
