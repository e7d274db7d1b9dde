"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useCreatePairMutation } from "@/lib/queries/review";

/**
 * "Compare with…" on an issue page: queues this issue's latest event against another issue's latest event as a
 * manual review pair and opens it.
 */
export function CompareWithButton({ issueId }: { issueId: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [other, setOther] = useState("");
  const create = useCreatePairMutation();

  function submit(event: FormEvent) {
    event.preventDefault();
    const id = Number(other);
    if (!Number.isInteger(id) || id <= 0) return;
    create.mutate({ issueIds: [issueId, id] }, { onSuccess: ({ pairId }) => router.push(`/review/pairs/${pairId}`) });
  }

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
      >
        Compare with…
      </button>
    );
  }
  return (
    <form
      onSubmit={submit}
      aria-label="Compare with another issue"
      className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 bg-white p-2"
    >
      <label className="text-xs font-medium">
        Other issue id
        <input
          inputMode="numeric"
          required
          value={other}
          onChange={(e) => setOther(e.target.value)}
          className="mt-1 block w-28 rounded-md border border-slate-300 px-2 py-1 text-sm font-normal"
        />
      </label>
      <button
        type="submit"
        disabled={create.isPending}
        className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
      >
        Compare
      </button>
      <button type="button" onClick={() => setOpen(false)} className="text-xs text-slate-600 hover:underline">
        Cancel
      </button>
      {create.isError ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {create.error.message}
        </p>
      ) : null}
    </form>
  );
}
