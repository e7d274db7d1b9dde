"use client";

import { guidelineUpdateSchema, type Guideline } from "@/lib/contracts/review";
import { useGuidelinesQuery, useUpdateGuidelineMutation } from "@/lib/queries/review";
import { Button } from "../ui/button";
import { fieldError, showServerError, useContractForm } from "../ui/contract-form";
import { Field } from "../ui/field";
import { FormError } from "../ui/form-error";
import { ErrorState, LoadingState } from "../ui/states";
import { Textarea } from "../ui/textarea";

function GuidelineForm({ guideline }: { guideline: Guideline }) {
  const update = useUpdateGuidelineMutation();
  const form = useContractForm(guidelineUpdateSchema, { defaultValues: { body: guideline.body } });
  const submit = form.handleSubmit(({ body }) =>
    update.mutate(
      { platform: guideline.platform, body },
      { onError: (error) => showServerError(form, error, ["body"]) },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Field label={`Guidelines for ${guideline.platform}`} compact error={fieldError(form, "body")}>
        <Textarea rows={6} {...form.register("body")} />
      </Field>
      <div className="mt-2 flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={update.isPending}>
          Save {guideline.platform} guidelines
        </Button>
        {update.isSuccess ? (
          <span role="status" className="text-sm text-emerald-700">
            Saved.
          </span>
        ) : null}
        <FormError message={form.formState.errors.root?.server?.message} />
      </div>
    </form>
  );
}

function GuidelineEditor({ guideline, canEdit }: { guideline: Guideline; canEdit: boolean }) {
  return (
    <section
      aria-label={`Guidelines for ${guideline.platform}`}
      className="rounded-lg border border-slate-200 bg-white p-3"
    >
      <h2 className="text-sm font-semibold">{guideline.platform}</h2>
      <p className="mb-2 text-xs text-slate-500">
        {guideline.updatedBy ? `Last edited by ${guideline.updatedBy}` : "Default guidelines (not edited yet)"}
      </p>
      {canEdit ? (
        <GuidelineForm guideline={guideline} />
      ) : (
        <div className="whitespace-pre-wrap text-sm text-slate-700">{guideline.body}</div>
      )}
    </section>
  );
}

/** The labeling guidelines per platform; admins edit them. */
export function GuidelinesView({ canEdit }: { canEdit: boolean }) {
  const query = useGuidelinesQuery();
  if (query.isPending) return <LoadingState label="Loading guidelines…" />;
  if (query.isError) return <ErrorState title="Could not load the guidelines." error={query.error} />;
  return (
    <div className="space-y-4">
      {query.data.guidelines.map((g) => (
        <GuidelineEditor key={`${g.platform}:${g.updatedAt ?? ""}`} guideline={g} canEdit={canEdit} />
      ))}
    </div>
  );
}
