"use client";

import { useState, type FormEvent } from "react";
import type { ModelSummary } from "@/lib/contracts/models";
import { useDropModelIndexMutation, useModelStatusMutation } from "@/lib/queries/models";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { DialogFormActions } from "../ui/dialog-form-actions";
import { Field } from "../ui/field";
import { Textarea } from "../ui/textarea";

type Action = "stable" | "retired" | "next" | "drop_index";

const LABELS: Record<Action, { button: string; title: (v: string) => string; explain: string }> = {
  stable: {
    button: "Promote to stable",
    title: (v) => `Promote ${v} to stable`,
    explain:
      "Every project without a model flag groups with it from now on, and it becomes every other model's fallback. " +
      "The stable model of today stays served as a next model until you retire it.",
  },
  retired: {
    button: "Retire",
    title: (v) => `Retire ${v}`,
    explain:
      "No grouping call may use it and nothing writes its column any more (its vectors are kept). Projects on it " +
      "must be moved to another model first.",
  },
  next: {
    button: "Bring back",
    title: (v) => `Bring ${v} back`,
    explain: "It is served again as a next model; what it indexed before it was retired is still there.",
  },
  drop_index: {
    button: "Drop its index",
    title: (v) => `Drop ${v}'s HNSW index`,
    explain: "Frees the index's space. The model cannot serve again afterwards; its column's vectors stay.",
  },
};

/** What an admin may do with a model in its state. */
function actionsOf(model: ModelSummary): Action[] {
  if (model.status === "next") return ["stable", "retired"];
  if (model.status === "retired") return model.indexPresent ? ["next", "drop_index"] : [];
  return [];
}

function ActionDialog({ model, action, onClose }: { model: ModelSummary; action: Action; onClose: () => void }) {
  const changeStatus = useModelStatusMutation();
  const dropIndex = useDropModelIndexMutation();
  const mutation = action === "drop_index" ? dropIndex : changeStatus;
  const [reason, setReason] = useState("");
  const label = LABELS[action];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = { onSuccess: onClose };
    if (action === "drop_index") dropIndex.mutate({ version: model.version, reason }, done);
    else changeStatus.mutate({ version: model.version, status: action, reason }, done);
  };
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={label.title(model.version)}
      description={label.explain}
    >
      <form onSubmit={submit} className="mt-3 space-y-3">
        <Field label="Reason (kept in the audit log)">
          <Textarea value={reason} onChange={(event) => setReason(event.target.value)} required rows={2} />
        </Field>
        <DialogFormActions
          serverError={mutation.error?.message}
          onCancel={onClose}
          submitLabel={label.button}
          submitVariant={action === "stable" ? "primary" : "danger"}
          submitDisabled={mutation.isPending || !reason.trim()}
        />
      </form>
    </Dialog>
  );
}

/** The buttons of a model's card, for admins; each asks for a reason first. */
export function ModelActions({ model }: { model: ModelSummary }) {
  const [open, setOpen] = useState<Action | null>(null);
  const actions = actionsOf(model);
  if (!actions.length) return null;
  return (
    <div className="mt-3 flex gap-2">
      {actions.map((action) => (
        <Button
          key={action}
          size="xs"
          variant={action === "stable" ? "primary" : "secondary"}
          onClick={() => setOpen(action)}
        >
          {LABELS[action].button}
        </Button>
      ))}
      {open ? <ActionDialog model={model} action={open} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
