import type { SentryEvent } from "@/engine/event/schema";
import type { AlignedFrame } from "./frames";
import { alignedFrames } from "./frames";

export type { AlignedFrame } from "./frames";

export type AlignmentKind = "equal" | "changed" | "only-left" | "only-right";

export interface AlignmentRow {
  kind: AlignmentKind;
  left: AlignedFrame | null;
  right: AlignedFrame | null;
  /** The first row, from the outermost caller down, where an in-app frame differs. */
  firstDivergence: boolean;
}

export interface Alignment {
  rows: AlignmentRow[];
  firstDivergingIndex: number | null;
}

// Frames are the same code location when module (or file) and function agree; line numbers move
// with every deploy and are ignored, as in grouping.
function frameKey(f: AlignedFrame): string {
  return `${f.module ?? f.filename ?? ""}\u0000${f.function ?? ""}`;
}

// The alignment table takes (n+1)×(m+1) cells: two 20,000-frame events would need 1.6 GB. Stored
// events keep at most 250 frames per stack trace (engine/event/bound.ts), but the table must not
// depend on that: past this many frames per side, only the most recent (the crash side) are aligned.
export const MAX_ALIGNED_FRAMES = 1_000;

/**
 * Aligns two frame lists (oldest first) by their longest common subsequence of code locations; of
 * a longer list only its last MAX_ALIGNED_FRAMES frames take part.
 */
export function alignFrames(allLeft: readonly AlignedFrame[], allRight: readonly AlignedFrame[]): Alignment {
  const left = allLeft.slice(-MAX_ALIGNED_FRAMES);
  const right = allRight.slice(-MAX_ALIGNED_FRAMES);
  const a = left.map(frameKey);
  const b = right.map(frameKey);
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..]
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const next = lcs[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (next[j + 1] as number) + 1 : Math.max(next[j] as number, row[j + 1] as number);
    }
  }

  const rows: AlignmentRow[] = [];
  const flushGap = (ls: AlignedFrame[], rs: AlignedFrame[]) => {
    // Unmatched runs facing each other are shown as changed rows, the rest as one-sided rows.
    for (let k = 0; k < Math.max(ls.length, rs.length); k++) {
      const l = ls[k] ?? null;
      const r = rs[k] ?? null;
      rows.push({
        kind: l && r ? "changed" : l ? "only-left" : "only-right",
        left: l,
        right: r,
        firstDivergence: false,
      });
    }
  };
  let i = 0;
  let j = 0;
  let gapLeft: AlignedFrame[] = [];
  let gapRight: AlignedFrame[] = [];
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flushGap(gapLeft, gapRight);
      gapLeft = [];
      gapRight = [];
      rows.push({
        kind: "equal",
        left: left[i] as AlignedFrame,
        right: right[j] as AlignedFrame,
        firstDivergence: false,
      });
      i++;
      j++;
    } else if (
      j >= m ||
      (i < n && ((lcs[i + 1] as Uint32Array)[j] as number) >= ((lcs[i] as Uint32Array)[j + 1] as number))
    ) {
      gapLeft.push(left[i++] as AlignedFrame);
    } else {
      gapRight.push(right[j++] as AlignedFrame);
    }
  }
  flushGap(gapLeft, gapRight);

  const first = rows.findIndex((r) => r.kind !== "equal" && (r.left?.inApp === true || r.right?.inApp === true));
  const firstDivergingIndex = first >= 0 ? first : rows.findIndex((r) => r.kind !== "equal");
  const index = firstDivergingIndex >= 0 ? firstDivergingIndex : null;
  if (index !== null) (rows[index] as AlignmentRow).firstDivergence = true;
  return { rows, firstDivergingIndex: index };
}

/** Aligns the main stacktraces of two events for side-by-side review (crash frames at the bottom). */
export function alignEvents(a: SentryEvent, b: SentryEvent): Alignment {
  return alignFrames(alignedFrames(a), alignedFrames(b));
}
