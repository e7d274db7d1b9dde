"use client";

import { Fragment, useState } from "react";
import type { AlignmentRowView, FrameView, ReviewPair } from "@/lib/contracts/review";
import { Button } from "../ui/button";

/** Runs of identical rows at least this long are collapsed (except around the first divergence). */
const COLLAPSE_AT = 3;

type Block =
  | { kind: "rows"; rows: { row: AlignmentRowView; index: number }[] }
  | { kind: "collapsed"; rows: { row: AlignmentRowView; index: number }[]; start: number };

function blocksOf(rows: AlignmentRowView[]): Block[] {
  const blocks: Block[] = [];
  let run: { row: AlignmentRowView; index: number }[] = [];
  const flush = () => {
    if (run.length >= COLLAPSE_AT) blocks.push({ kind: "collapsed", rows: run, start: run[0]!.index });
    else if (run.length) blocks.push({ kind: "rows", rows: run });
    run = [];
  };
  rows.forEach((row, index) => {
    if (row.kind === "equal" && !row.firstDivergence) run.push({ row, index });
    else {
      flush();
      blocks.push({ kind: "rows", rows: [{ row, index }] });
    }
  });
  flush();
  return blocks;
}

const rowTone: Record<AlignmentRowView["kind"], string> = {
  equal: "",
  changed: "bg-amber-50",
  "only-left": "bg-rose-50",
  "only-right": "bg-sky-50",
};

function FrameCell({ frame, side }: { frame: FrameView | null; side: "left" | "right" }) {
  if (!frame)
    return <td className="px-2 py-1 text-xs italic text-slate-400">{side === "left" ? "not in A" : "not in B"}</td>;
  const where = `${frame.module ?? frame.filename ?? "?"}${frame.lineno !== null ? `:${frame.lineno}` : ""}`;
  return (
    <td className={`px-2 py-1 align-top ${frame.inApp ? "" : "text-slate-500"}`}>
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span
          className={`font-mono text-xs ${frame.inApp ? "font-semibold text-slate-900" : ""} ${frame.contributes ? "" : "line-through decoration-slate-400"}`}
        >
          {frame.function ?? "?"}
        </span>
        <span className="break-all font-mono text-[11px] text-slate-500">{where}</span>
        <span
          className={`rounded px-1 text-[10px] uppercase ${frame.inApp ? "bg-indigo-100 text-indigo-800" : "bg-slate-100 text-slate-500"}`}
        >
          {frame.inApp ? "in-app" : "library"}
        </span>
        {frame.contributes ? null : (
          <span className="rounded bg-slate-100 px-1 text-[10px] uppercase text-slate-500">not grouped on</span>
        )}
      </div>
      {frame.contextLine ? (
        <pre className="mt-0.5 overflow-x-auto whitespace-pre-wrap font-mono text-[11px] text-slate-700">
          {frame.contextLine}
        </pre>
      ) : null}
    </td>
  );
}

function Row({ row, index }: { row: AlignmentRowView; index: number }) {
  const highlight = row.firstDivergence ? "outline outline-2 -outline-offset-2 outline-amber-500" : "";
  return (
    <tr
      className={`${rowTone[row.kind]} ${highlight}`}
      data-kind={row.kind}
      aria-label={row.firstDivergence ? "First diverging frame" : undefined}
    >
      <td className="w-10 px-2 py-1 text-right align-top font-mono text-[11px] text-slate-400">{index + 1}</td>
      <FrameCell frame={row.left} side="left" />
      <td className="w-6 px-1 py-1 text-center align-top text-xs text-slate-400" aria-label={row.kind}>
        {row.kind === "equal" ? "=" : row.kind === "changed" ? "≠" : row.kind === "only-left" ? "◀" : "▶"}
      </td>
      <FrameCell frame={row.right} side="right" />
    </tr>
  );
}

function Exceptions({ label, event }: { label: string; event: ReviewPair["left"] }) {
  return (
    <div className="min-w-0 flex-1 rounded-md border border-slate-200 bg-white p-3">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        {label} · issue {event.issueId} · {event.groupingMethod}
      </p>
      {event.exceptions.length === 0 ? <p className="text-sm">{event.title}</p> : null}
      {event.exceptions.map((exception, i) => (
        <p key={i} className="break-words text-sm">
          <span className="font-semibold">{exception.type ?? "Error"}</span>: {exception.value ?? ""}
        </p>
      ))}
    </div>
  );
}

/** The two stack traces aligned frame by frame, oldest call at the top, crash frame at the bottom. */
export function StacktraceDiff({ pair }: { pair: ReviewPair }) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const blocks = blocksOf(pair.rows);
  return (
    <section aria-label="Stacktrace comparison" className="space-y-3">
      <div className="flex gap-3">
        <Exceptions label="A" event={pair.left} />
        <Exceptions label="B" event={pair.right} />
      </div>
      {pair.rows.length === 0 ? (
        <p className="text-sm text-slate-600">At least one of the events has no stack trace to align.</p>
      ) : (
        <table className="w-full table-fixed rounded-lg border border-slate-200 bg-white text-sm">
          <caption className="sr-only">
            Frames of A and B aligned; the first diverging in-app frame is outlined.
          </caption>
          <colgroup>
            <col className="w-10" />
            <col />
            <col className="w-6" />
            <col />
          </colgroup>
          <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-2 py-1">
                #
              </th>
              <th scope="col" className="px-2 py-1">
                A
              </th>
              <th scope="col" className="px-1 py-1">
                <span className="sr-only">match</span>
              </th>
              <th scope="col" className="px-2 py-1">
                B
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {blocks.map((block, b) =>
              block.kind === "collapsed" && !expanded.has(block.start) ? (
                <tr key={`c${b}`}>
                  <td colSpan={4} className="px-2 py-1 text-center">
                    <Button variant="ghost" onClick={() => setExpanded(new Set([...expanded, block.start]))}>
                      Show {block.rows.length} identical frames
                    </Button>
                  </td>
                </tr>
              ) : (
                <Fragment key={`r${b}`}>
                  {block.rows.map(({ row, index }) => (
                    <Row key={index} row={row} index={index} />
                  ))}
                </Fragment>
              ),
            )}
          </tbody>
        </table>
      )}
      <p className="text-xs text-slate-500">
        <span className="font-semibold text-slate-800">Bold</span>: in-app frame · grey: library frame ·{" "}
        <span className="line-through">struck</span>: not used for grouping · outlined: first diverging in-app frame.
      </p>
    </section>
  );
}
