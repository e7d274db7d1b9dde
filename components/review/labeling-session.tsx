"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import {
  labelReasons,
  labelRequestSchema,
  type NextPairRequest,
  type ReviewPair,
  type Verdict,
} from "@/lib/contracts/review";
import {
  useLabelMutation,
  useNextPairQuery,
  usePairQuery,
  useSkipMutation,
  useUndoMutation,
} from "@/lib/queries/review";
import { Button } from "../ui/button";
import { fieldError, showServerError, useContractForm } from "../ui/contract-form";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { LabelControls } from "./label-controls";
import { PairReview, type Revealed } from "./pair-review";
import { ShortcutSheet } from "./shortcut-sheet";
import { useReviewShortcuts } from "./use-review-shortcuts";

export type SessionMode =
  { kind: "queue"; request: Omit<NextPairRequest, "exclude" | "blind"> } | { kind: "pair"; id: number };

/** The part of a label the labeler fills in before the verdict (a button or a key) sends it. */
const labelDetailsSchema = labelRequestSchema.pick({ reason: true, note: true });

/**
 * A labeling session: the queue's next pair (claimed for this labeler), or one given pair. g/s/u label, n skips,
 * z undoes, ? shows the shortcuts; after a label the next pair opens. Viewers (canLabel false) only look.
 */
export function LabelingSession({ mode, canLabel, blind }: { mode: SessionMode; canLabel: boolean; blind: boolean }) {
  const router = useRouter();
  const [step, setStep] = useState(0);
  const [pinned, setPinned] = useState<number | null>(mode.kind === "pair" ? mode.id : null);
  const [exclude, setExclude] = useState<number[]>([]);
  const form = useContractForm(labelDetailsSchema, { defaultValues: { reason: null, note: "" } });
  const reason = useWatch({ control: form.control, name: "reason" }) ?? null;
  const setReason = (value: typeof reason) => form.setValue("reason", value);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [sheet, setSheet] = useState(false);

  const request: NextPairRequest = { ...(mode.kind === "queue" ? mode.request : {}), exclude, blind };
  const next = useNextPairQuery(request, step, pinned === null && mode.kind === "queue" && canLabel);
  const single = usePairQuery(pinned ?? 0, blind, pinned !== null);
  const label = useLabelMutation();
  const skip = useSkipMutation();
  const undo = useUndoMutation();

  const query = pinned !== null ? single : next;
  const pair: ReviewPair | null | undefined = pinned !== null ? single.data : next.data?.pair;
  const busy = label.isPending || skip.isPending || undo.isPending || query.isFetching;

  const advance = () => {
    form.reset();
    if (mode.kind === "pair") return;
    setPinned(null);
    setStep((s) => s + 1);
  };

  const onVerdict = (verdict: Verdict) => {
    if (!pair || busy) return;
    void form.handleSubmit((details) =>
      label.mutate(
        { pairId: pair.id, label: { verdict, reason: details.reason, note: details.note || null } },
        {
          onSuccess: (saved) => {
            setRevealed({ pairId: pair.id, verdict, decisions: saved.decisions, conflict: saved.conflict });
            setMessage(null);
            advance();
          },
          onError: (error) => showServerError(form, error, ["reason", "note"]),
        },
      ),
    )();
  };
  const onSkip = () => {
    if (!pair || busy) return;
    if (mode.kind === "pair") return router.push("/review/label");
    skip.mutate(pair.id, { onSuccess: () => (setExclude((ids) => [...ids, pair.id]), advance()) });
  };
  const onUndo = () => {
    if (busy) return;
    undo.mutate(undefined, {
      onSuccess: ({ undone }) => {
        setRevealed(null);
        setMessage(
          undone
            ? `Undid your ${undone.verdict} on pair #${undone.pairId}; it is back for you to label.`
            : "Nothing to undo.",
        );
        if (undone) setPinned(undone.pairId);
      },
    });
  };
  const shortcuts = {
    g: () => onVerdict("GROUP"),
    s: () => onVerdict("SEPARATE"),
    u: () => onVerdict("UNSURE"),
    n: onSkip,
    z: onUndo,
    "?": () => setSheet((open) => !open),
    ...Object.fromEntries(labelReasons.map((r, i) => [String(i + 1), () => setReason(r)])),
  };
  // While the sheet is open only "?" works: a key must not label the pair hidden behind it.
  useReviewShortcuts(canLabel && !sheet ? shortcuts : { "?": () => setSheet((open) => !open) }, true);

  const error = form.formState.errors.root?.server?.message ?? skip.error?.message ?? undo.error?.message;
  const controls = canLabel ? (
    <LabelControls
      reason={reason}
      note={form.register("note")}
      noteError={fieldError(form, "note")}
      busy={busy}
      onReason={setReason}
      onVerdict={onVerdict}
      onSkip={onSkip}
      onUndo={onUndo}
    />
  ) : (
    <p className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-600">
      You are signed in as a viewer: you can look at pairs, labeling needs the labeler role.
    </p>
  );

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        {mode.kind === "queue" && next.data ? (
          <span role="status">{next.data.remaining} pairs left for you in this queue</span>
        ) : null}
        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">Blind mode {blind ? "on" : "off"}</span>
        <ShortcutSheet
          open={sheet}
          onOpenChange={setSheet}
          trigger={<Button variant="ghost">Keyboard shortcuts (?)</Button>}
        />
        {message ? (
          <span role="status" className="text-indigo-800">
            {message}
          </span>
        ) : null}
        {error ? (
          <span role="alert" className="text-red-700">
            {error}
          </span>
        ) : null}
      </div>
      {mode.kind === "queue" && !canLabel ? (
        <EmptyState title="Labeling needs the labeler role">
          Browse the pairs on the{" "}
          <Link href="/review" className="text-indigo-700 hover:underline">
            Review page
          </Link>
          .
        </EmptyState>
      ) : query.isPending ? (
        <LoadingState label="Loading the next pair…" />
      ) : query.isError ? (
        <ErrorState title="Could not load the pair." error={query.error} />
      ) : pair ? (
        <PairReview pair={pair} controls={controls} revealed={revealed} />
      ) : (
        <EmptyState title="Nothing left in this queue">
          You have labeled (or skipped) every pair with these filters.{" "}
          {revealed ? `Your last label: ${revealed.verdict} on pair #${revealed.pairId}.` : ""}{" "}
          <Link href="/review" className="text-indigo-700 hover:underline">
            Back to the queues
          </Link>
        </EmptyState>
      )}
    </div>
  );
}
