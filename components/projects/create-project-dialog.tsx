"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createProjectRequestSchema, projectPlatformNames, projectPlatforms } from "@/lib/contracts/projects";
import { useCreateProjectMutation } from "@/lib/queries/projects";
import { Button } from "../ui/button";
import { ChoiceSelect } from "../ui/choice-select";
import { fieldError, showServerError, useContractForm } from "../ui/contract-form";
import { Dialog } from "../ui/dialog";
import { DialogFormActions } from "../ui/dialog-form-actions";
import { Field } from "../ui/field";
import { Input } from "../ui/input";

const fields = ["name", "platform"] as const;

function CreateProjectForm({ onCancel }: { onCancel: () => void }) {
  const router = useRouter();
  const create = useCreateProjectMutation();
  const form = useContractForm(createProjectRequestSchema, { defaultValues: { name: "", platform: "python" } });
  const submit = form.handleSubmit((input) =>
    create.mutate(input, {
      // The new project's page shows its DSN and SDK setup, and waits for its first event.
      onSuccess: ({ project }) => router.push(`/projects/${project.id}`),
      onError: (error) => showServerError(form, error, fields),
    }),
  );
  return (
    <form className="mt-4 space-y-3" noValidate onSubmit={submit}>
      <Field label="Name" hint="What your team calls the application." error={fieldError(form, "name")}>
        <Input autoComplete="off" {...form.register("name")} />
      </Field>
      <Field label="Platform" hint="Its Sentry SDK's setup is shown next." error={fieldError(form, "platform")}>
        <ChoiceSelect
          choices={projectPlatforms.map((platform) => ({ value: platform, label: projectPlatformNames[platform] }))}
          {...form.register("platform")}
        />
      </Field>
      <DialogFormActions
        serverError={form.formState.errors.root?.server?.message}
        onCancel={onCancel}
        submitLabel="Create project"
        submitDisabled={create.isPending || create.isSuccess}
      />
    </form>
  );
}

/** The Projects page's "Create project" button and its dialog (admins). */
export function CreateProjectDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={<Button variant="primary">Create project</Button>}
      title="Create a project"
      description="A project gets its own DSN: the SDKs of one application send their errors to it."
    >
      <CreateProjectForm onCancel={() => setOpen(false)} />
    </Dialog>
  );
}
