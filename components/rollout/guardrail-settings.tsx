"use client";

import { useState } from "react";
import type { GuardrailSettings } from "@/lib/contracts/rollout";
import { useUpdateGuardrailsMutation } from "@/lib/queries/rollout";
import { buttonClass, inputClass } from "./format";

/** The guardrail settings: shown to everyone, editable (with a reason) by admins. */
export function GuardrailSettingsPanel({ settings, canEdit }: { settings: GuardrailSettings; canEdit: boolean }) {
  const [draft, setDraft] = useState(settings);
  const [reason, setReason] = useState("");
  const update = useUpdateGuardrailsMutation();
  const field = (key: "maxOvergroupingUpper" | "maxFallbackRate", label: string) => (
    <label className="text-sm font-medium">
      {label}
      <input
        type="number"
        min={0}
        max={100}
        step="any"
        disabled={!canEdit}
        value={Math.round(draft[key] * 1000) / 10}
        onChange={(e) => setDraft({ ...draft, [key]: Number(e.target.value) / 100 })}
        className={inputClass}
      />
    </label>
  );
  const count = (key: "minOvergroupingSample" | "minFallbackLookups", label: string) => (
    <label className="text-sm font-medium">
      {label}
      <input
        type="number"
        min={0}
        disabled={!canEdit}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: Number(e.target.value) })}
        className={inputClass}
      />
    </label>
  );
  return (
    <section aria-label="Guardrails" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold">Guardrails</h2>
      <form
        className="mt-3 grid gap-3 md:grid-cols-3"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ settings: draft, reason }, { onSuccess: () => setReason("") });
        }}
      >
        {field("maxOvergroupingUpper", "Max v2 overgrouping, upper 95% bound (%)")}
        {count("minOvergroupingSample", "Labeled merges needed to judge")}
        {field("maxFallbackRate", "Max fallback rate after the transition (%)")}
        {count("minFallbackLookups", "v2 lookups (7 days) needed to judge")}
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            disabled={!canEdit}
            checked={draft.autoPause}
            onChange={(e) => setDraft({ ...draft, autoPause: e.target.checked })}
          />
          Auto-pause: move a breaching project back to v1
        </label>
        {canEdit ? (
          <div className="flex items-end gap-2">
            <label className="flex-1 text-sm font-medium">
              Guardrail reason
              <input
                required
                minLength={3}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                className={inputClass}
              />
            </label>
            <button type="submit" className={buttonClass} disabled={update.isPending || reason.trim().length < 3}>
              Save guardrails
            </button>
          </div>
        ) : null}
      </form>
      {update.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {update.error.message}
        </p>
      ) : null}
    </section>
  );
}
