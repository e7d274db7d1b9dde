"use client";

import { updateProjectRequestSchema, type Project } from "@/lib/contracts/projects";
import { useUpdateProjectMutation } from "@/lib/queries/projects";
import { Button } from "../ui/button";
import { fieldError, showServerError, useContractForm } from "../ui/contract-form";
import { Field } from "../ui/field";
import { FormError } from "../ui/form-error";
import { Input } from "../ui/input";

/** Renames a project; its slug and DSN stay. */
export function RenameProjectForm({ project }: { project: Project }) {
  const update = useUpdateProjectMutation(project.id);
  const form = useContractForm(updateProjectRequestSchema, { defaultValues: { name: project.name } });
  const submit = form.handleSubmit((patch) =>
    update.mutate(patch, {
      onSuccess: ({ project: renamed }) => form.reset({ name: renamed.name }),
      onError: (error) => showServerError(form, error, ["name"]),
    }),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Rename the project" className="flex flex-wrap items-end gap-3">
      <Field
        label="Project name"
        hint={`The slug (${project.slug}) and the DSN stay as they are.`}
        error={fieldError(form, "name")}
        className="min-w-64 flex-1"
      >
        <Input autoComplete="off" {...form.register("name")} />
      </Field>
      <div className="mb-5 flex items-center gap-3">
        <Button type="submit" disabled={update.isPending || !form.formState.isDirty}>
          Rename
        </Button>
        {update.isSuccess && !form.formState.isDirty ? (
          <p role="status" className="text-sm text-emerald-700">
            Renamed.
          </p>
        ) : null}
      </div>
      <FormError message={form.formState.errors.root?.server?.message} />
    </form>
  );
}
