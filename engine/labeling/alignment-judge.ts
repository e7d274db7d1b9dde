import type { AlignedFrame, AlignmentRow } from "@/engine/alignment";

/**
 * The built-in automated labeler's rules, as a pure function over what the review screen shows: two events'
 * exception chains and their main stack traces aligned frame by frame. It reads a pair as a grouping expert does:
 * the same fault is the same exception raised from the same app code near the crash, whatever the callers above it
 * (routes, jobs, retries); a different exception, or app code that differs near the crash, is another fault. When
 * the traces do not say enough it answers UNSURE rather than GROUP: a wrong merge hides a problem.
 */
export type JudgeVerdict = "GROUP" | "SEPARATE" | "UNSURE";

export interface JudgedException {
  type: string | null;
  value: string | null;
}

export interface JudgeInput {
  left: { exceptions: readonly JudgedException[] };
  right: { exceptions: readonly JudgedException[] };
  rows: readonly AlignmentRow[];
}

export interface Judgement {
  verdict: JudgeVerdict;
  reason: string;
}

/** Changing any rule is a new version: labels keep the version that gave them. */
export const ALIGNMENT_JUDGE_VERSION = "alignment-2";

/** How many in-app frames nearest the crash must be the same code for a GROUP. */
export const CRASH_FRAMES = 2;

function frameKey(frame: AlignedFrame): string {
  return `${frame.module ?? frame.filename ?? ""}\u0000${frame.function ?? ""}`;
}

function frameName(frame: AlignedFrame): string {
  const where = frame.module ?? frame.filename ?? "?";
  return `${where}:${frame.function ?? "?"}`;
}

/** One side's frames from the crash outwards (the rows run oldest first). */
function crashFirst(rows: readonly AlignmentRow[], side: "left" | "right"): AlignedFrame[] {
  const frames: AlignedFrame[] = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    const frame = rows[i]![side];
    if (frame) frames.push(frame);
  }
  return frames;
}

function exceptionTypes(exceptions: readonly JudgedException[]): string[] {
  return exceptions.map((exception) => exception.type ?? "").filter((type) => type !== "");
}

/**
 * A message with its variable parts (numbers, hex ids, quoted values) masked, so that two occurrences of one fault
 * with other data read the same.
 */
export function messageShape(message: string | null): string {
  return (message ?? "")
    .replace(/(["'`]).*?\1/g, "<v>")
    .replace(/\b0x[0-9a-f]+\b/gi, "<n>")
    .replace(/\b[0-9a-f]{8,}\b/gi, "<id>")
    .replace(/\d+(\.\d+)?/g, "<n>")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

export function judgePair(input: JudgeInput): Judgement {
  const leftTypes = exceptionTypes(input.left.exceptions);
  const rightTypes = exceptionTypes(input.right.exceptions);
  // The last exception of a chain is the one raised (Sentry's order: the cause first).
  const leftType = leftTypes.at(-1) ?? null;
  const rightType = rightTypes.at(-1) ?? null;
  const sharedTypes = leftTypes.filter((type) => rightTypes.includes(type));
  if (leftType !== null && rightType !== null && sharedTypes.length === 0) {
    return { verdict: "SEPARATE", reason: `Different exceptions: ${leftType} vs ${rightType}.` };
  }

  const left = crashFirst(input.rows, "left");
  const right = crashFirst(input.rows, "right");
  const leftApp = left.filter((frame) => frame.inApp);
  const rightApp = right.filter((frame) => frame.inApp);
  if (left.length === 0 || right.length === 0) {
    const sameMessage = messageShape(input.left.exceptions.at(-1)?.value ?? null);
    const same = leftType === rightType && sameMessage === messageShape(input.right.exceptions.at(-1)?.value ?? null);
    return same && left.length === right.length
      ? { verdict: "UNSURE", reason: "No stack trace to compare; only the exception and its message agree." }
      : { verdict: "SEPARATE", reason: "No stack trace on one side, and the exceptions differ." };
  }
  if (leftApp.length === 0 || rightApp.length === 0) {
    if (leftApp.length !== rightApp.length) {
      return { verdict: "SEPARATE", reason: "One error starts in app code, the other only in library code." };
    }
    const sameCrash = left
      .slice(0, CRASH_FRAMES)
      .every((frame, i) => right[i] && frameKey(right[i]) === frameKey(frame));
    return sameCrash
      ? {
          verdict: "UNSURE",
          reason: "No app frames: the same library frames at the crash, nothing tells the callers apart.",
        }
      : {
          verdict: "SEPARATE",
          reason: `No app frames, and the crash frames differ: ${frameName(left[0]!)} vs ${frameName(right[0]!)}.`,
        };
  }

  // From the crash outwards over the rows with app code: the innermost app frames must be the same code. A frame on
  // one side only, above a shared one, is a wrapper (a decorator, a lock, a retry helper, an anonymous closure) and is
  // passed over; two different frames facing each other are where the two errors part.
  let matched = 0;
  let passedOver = 0;
  for (let i = input.rows.length - 1; i >= 0 && matched < CRASH_FRAMES; i--) {
    const row = input.rows[i]!;
    if (!row.left?.inApp && !row.right?.inApp) continue;
    if (row.kind === "equal") {
      matched += 1;
    } else if (row.kind === "changed" || matched === 0) {
      const a = row.left ? frameName(row.left) : "nothing";
      const b = row.right ? frameName(row.right) : "nothing";
      const where =
        matched === 0 ? "The app code that raises differs" : `The app frames part ${matched + 1} frames from the crash`;
      return { verdict: "SEPARATE", reason: `${where}: ${a} vs ${b}.` };
    } else {
      passedOver += 1;
    }
  }
  if (matched < CRASH_FRAMES && (passedOver > 0 || leftApp.length !== rightApp.length)) {
    return {
      verdict: "UNSURE",
      reason: `Only ${matched} app frame${matched === 1 ? "" : "s"} in common near the crash (${frameName(leftApp[0]!)}); too little to tell.`,
    };
  }
  if (leftType !== rightType) {
    return {
      verdict: "UNSURE",
      reason: `Same app code near the crash (${frameName(leftApp[0]!)}), but raised as ${leftType ?? "?"} vs ${rightType ?? "?"}.`,
    };
  }
  return {
    verdict: "GROUP",
    reason: `The same ${leftType ?? "error"} from the same app code near the crash (${frameName(leftApp[0]!)}); only the callers above differ.`,
  };
}
