"use client";

import { useState } from "react";
import type { Guideline } from "@/lib/contracts/review";
import { useGuidelinesQuery, useUpdateGuidelineMutation } from "@/lib/queries/review";
import { ErrorState, LoadingState } from "../ui/states";

function GuidelineEditor({ guideline, canEdit }: { guideline: Guideline; canEdit: boolean }) {
  const [body, setBody] = useState(guideline.body);
  const update = useUpdateGuidelineMutation();
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
        <form onSubmit={(e) => (e.preventDefault(), update.mutate({ platform: guideline.platform, body }))}>
          <label className="block text-xs font-medium text-slate-600">
            Guidelines for {guideline.platform}
            <textarea
              value={body}
              onChange={(e) => setBody(e.target.value)}
              rows={6}
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm font-normal"
            />
          </label>
          <div className="mt-2 flex items-center gap-3">
            <button
              type="submit"
              disabled={update.isPending}
              className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
            >
              Save {guideline.platform} guidelines
            </button>
            {update.isSuccess ? (
              <span role="status" className="text-sm text-emerald-700">
                Saved.
              </span>
            ) : null}
            {update.isError ? (
              <span role="alert" className="text-sm text-red-700">
                {update.error.message}
              </span>
            ) : null}
          </div>
        </form>
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
