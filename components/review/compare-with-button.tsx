"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { issuePairRequestSchema } from "@/lib/contracts/review";
import { useCreatePairMutation } from "@/lib/queries/review";
import { Button } from "../ui/button";
import { fieldError, showServerError, useContractForm } from "../ui/contract-form";
import { Field } from "../ui/field";
import { FormError } from "../ui/form-error";
import { Input } from "../ui/input";

function CompareForm({ issueId, onCancel }: { issueId: number; onCancel: () => void }) {
  const router = useRouter();
  const create = useCreatePairMutation();
  const form = useContractForm(issuePairRequestSchema, { defaultValues: { issueIds: [issueId, ""] } });
  const submit = form.handleSubmit((request) =>
    create.mutate(request, {
      onSuccess: ({ pairId }) => router.push(`/review/pairs/${pairId}`),
      onError: (error) => showServerError(form, error, ["issueIds.1"]),
    }),
  );
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Compare with another issue"
      className="flex flex-wrap items-start gap-2 rounded-md border border-slate-200 bg-white p-2"
    >
      <Field label="Other issue id" compact error={fieldError(form, "issueIds.1")} className="w-40">
        <Input inputMode="numeric" {...form.register("issueIds.1")} />
      </Field>
      <Button type="submit" variant="primary" className="mt-5" disabled={create.isPending}>
        Compare
      </Button>
      <Button variant="ghost" className="mt-7" onClick={onCancel}>
        Cancel
      </Button>
      <FormError className="w-full text-sm" message={form.formState.errors.root?.server?.message} />
    </form>
  );
}

/**
 * "Compare with…" on an issue page: queues this issue's latest event against another issue's latest event as a
 * manual review pair and opens it.
 */
export function CompareWithButton({ issueId }: { issueId: number }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return <Button onClick={() => setOpen(true)}>Compare with…</Button>;
  }
  return <CompareForm issueId={issueId} onCancel={() => setOpen(false)} />;
}
