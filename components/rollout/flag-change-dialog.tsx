"use client";

import { useState, type ReactNode } from "react";
import { setFlagsRequestSchema, type FlagChange, type RolloutProject } from "@/lib/contracts/rollout";
import { useSetFlagsMutation } from "@/lib/queries/rollout";
import { fieldError, showServerError, useContractForm } from "../ui/contract-form";
import { Dialog } from "../ui/dialog";
import { DialogFormActions } from "../ui/dialog-form-actions";
import { Field } from "../ui/field";
import { Textarea } from "../ui/textarea";
import { formatOvergrouping, formatPercent } from "./format";
import { WhatIfPanel } from "./what-if-panel";

export function describeChange(change: FlagChange): string {
  const parts = [];
  if (change.groupingModel) parts.push(`grouping model → ${change.groupingModel}`);
  if (change.skipFallback !== undefined) parts.push(`skip fallback → ${change.skipFallback ? "on" : "off"}`);
  return parts.join(", ");
}

/** The part of the flag request this form asks for; its rules are the contract's. */
const reasonSchema = setFlagsRequestSchema.pick({ reason: true });

function ProjectFacts({ project }: { project: RolloutProject }) {
  const migration = project.migration;
  return (
    <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-slate-500">Project</dt>
      <dd>
        {project.name}{" "}
        <span className="text-slate-500">
          ({project.platform}, now {project.groupingModel}
          {project.skipFallback ? ", no fallback" : ""})
        </span>
      </dd>
      <dt className="text-slate-500">v2 coverage</dt>
      <dd>
        {formatPercent(migration.coverage)} ({migration.coveredHashes} of {migration.eligibleHashes} eligible hashes;{" "}
        {migration.ineligibleHashes} ineligible)
      </dd>
      <dt className="text-slate-500">v2 overgrouping estimate</dt>
      <dd>{formatOvergrouping(project.overgrouping)}</dd>
      <dt className="text-slate-500">Guardrails</dt>
      <dd>{project.guardrails.length ? project.guardrails.map((g) => g.message).join("; ") : "none flagged"}</dd>
    </dl>
  );
}

function ReasonForm({ project, change, onDone }: { project: RolloutProject; change: FlagChange; onDone: () => void }) {
  const setFlags = useSetFlagsMutation();
  // Confirm stays disabled until the reason is valid, so the rule shows as soon as the field is left.
  const form = useContractForm(reasonSchema, { defaultValues: { reason: "" }, mode: "onTouched" });
  const submit = form.handleSubmit(({ reason }) =>
    setFlags.mutate(
      { projectIds: [project.id], change, reason },
      { onSuccess: onDone, onError: (error) => showServerError(form, error, ["reason"]) },
    ),
  );
  return (
    <form className="mt-4 space-y-3" noValidate onSubmit={submit}>
      <Field label="Reason" hint="It goes to the audit log." error={fieldError(form, "reason")}>
        <Textarea rows={2} {...form.register("reason")} />
      </Field>
      <DialogFormActions
        serverError={form.formState.errors.root?.server?.message}
        onCancel={onDone}
        submitLabel="Confirm"
        submitDisabled={setFlags.isPending || !form.formState.isValid}
      />
    </form>
  );
}

/**
 * A flag change behind its confirmation: `trigger` opens a dialog that names the project, shows its v2 coverage and
 * current overgrouping estimate, the latest what-if replay of the model it moves to (and runs one), and requires a
 * reason (it goes to the audit log).
 */
export function FlagChangeDialog({
  project,
  change,
  trigger,
}: {
  project: RolloutProject;
  change: FlagChange;
  trigger: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const title = change.groupingModel
    ? `Move ${project.name} to ${change.groupingModel}`
    : `Change skip fallback of ${project.name}`;
  return (
    <Dialog open={open} onOpenChange={setOpen} trigger={trigger} title={title} description={describeChange(change)}>
      <ProjectFacts project={project} />
      {change.groupingModel === "v2" && (project.migration.coverage ?? 0) < 1 ? (
        <p className="mt-3 rounded bg-amber-50 p-2 text-xs text-amber-800">
          v2&apos;s index is incomplete: until it is backfilled, v2 finds nothing for the missing hashes and v1 answers
          (fallback).
        </p>
      ) : null}
      {change.groupingModel ? (
        <div className="mt-4 rounded border border-slate-200 p-3">
          <h3 className="mb-2 text-sm font-semibold">
            What {change.groupingModel} would do to {project.name}
          </h3>
          <WhatIfPanel projectId={project.id} projectName={project.name} models={[change.groupingModel]} canEdit />
        </div>
      ) : null}
      <ReasonForm project={project} change={change} onDone={() => setOpen(false)} />
    </Dialog>
  );
}
