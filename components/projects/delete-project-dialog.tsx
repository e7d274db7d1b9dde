"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteProjectRequestSchema, type Project } from "@/lib/contracts/projects";
import { formatCount } from "@/lib/format";
import { useDeleteProjectMutation } from "@/lib/queries/projects";
import { Button } from "../ui/button";
import { fieldError, showServerError, useContractForm } from "../ui/contract-form";
import { Dialog } from "../ui/dialog";
import { DialogFormActions } from "../ui/dialog-form-actions";
import { Field } from "../ui/field";
import { Input } from "../ui/input";

const counted = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

function DeleteProjectForm({ project, onCancel }: { project: Project; onCancel: () => void }) {
  const router = useRouter();
  const remove = useDeleteProjectMutation(project.id);
  const form = useContractForm(deleteProjectRequestSchema, { defaultValues: { confirmation: "" } });
  const typed = form.watch("confirmation").trim();
  const submit = form.handleSubmit((input) =>
    remove.mutate(input, {
      onSuccess: () => router.push("/projects"),
      onError: (error) => showServerError(form, error, ["confirmation"]),
    }),
  );
  return (
    <form className="mt-4 space-y-3" noValidate onSubmit={submit}>
      <p className="rounded bg-rose-50 p-3 text-sm text-rose-900">
        This removes {project.name} and everything of it, in one step that cannot be undone:{" "}
        {counted(project.eventCount, "event", "events")}, {counted(project.issueCount, "issue", "issues")}, their
        hashes, the AI grouping records and decisions, and the review pairs and labels on its events. Its DSN stops
        working. The audit log keeps a record of the deletion.
      </p>
      <Field label={`Type ${project.slug} to confirm`} error={fieldError(form, "confirmation")}>
        <Input autoComplete="off" spellCheck={false} {...form.register("confirmation")} />
      </Field>
      <DialogFormActions
        serverError={form.formState.errors.root?.server?.message}
        onCancel={onCancel}
        submitLabel="Delete this project"
        submitVariant="danger"
        submitDisabled={typed !== project.slug || remove.isPending || remove.isSuccess}
      />
    </form>
  );
}

/** Deleting a project, behind a dialog that says what goes with it and asks for its slug. */
export function DeleteProjectDialog({ project }: { project: Project }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Dialog
        open={open}
        onOpenChange={setOpen}
        trigger={<Button variant="danger">Delete the project</Button>}
        title={`Delete ${project.name}`}
        description="The project and all of its data go, for good."
      >
        <DeleteProjectForm project={project} onCancel={() => setOpen(false)} />
      </Dialog>
      <p className="text-xs text-slate-600">Removes the project with its events, issues and review data.</p>
    </div>
  );
}
