import { describe, expect, it } from "vitest";
import type { SentryEvent } from "@/engine/event/schema";
import type { AlignedFrame } from "./index";
import { MAX_ALIGNED_FRAMES, alignEvents, alignFrames } from "./index";

// Two real ReadTimeoutError traces: same outer path, then different helpers before the same
// signed request and urlopen.
const OUTER = [
  ["sentry/tasks/autofix.py", "sentry.tasks.autofix", "generate_summary_and_run_automation"],
  ["sentry/seer/issue_summary.py", "sentry.seer.issue_summary", "get_issue_summary"],
  ["sentry/seer/issue_summary.py", "sentry.seer.issue_summary", "_generate_summary"],
  ["sentry/seer/issue_summary.py", "sentry.seer.issue_summary", "run_automation"],
];
const TAIL = [
  ["sentry/seer/signed_seer_api.py", "sentry.seer.signed_seer_api", "make_signed_seer_api_request"],
  ["urllib3/connectionpool.py", "urllib3.connectionpool", "urlopen"],
];
const A_MIDDLE = [
  ["sentry/seer/autofix.py", "sentry.seer.autofix", "get_autofix_state"],
  ["sentry/seer/autofix.py", "sentry.seer.autofix", "make_get_autofix_state_request"],
];
const B_MIDDLE = [
  ["sentry/seer/issue_summary.py", "sentry.seer.issue_summary", "get_and_update_group_fixability_score"],
  ["sentry/seer/issue_summary.py", "sentry.seer.issue_summary", "_generate_fixability_score"],
];

function event(frames: string[][], lineOffset: number): SentryEvent {
  return {
    platform: "python",
    exception: {
      values: [
        {
          type: "ReadTimeoutError",
          value: "HTTPConnectionPool(host='seer', port=9091): Read timed out. (read timeout=30)",
          stacktrace: {
            frames: frames.map(([path, module, fn], i) => ({
              abs_path: `/usr/src/${path === "urllib3/connectionpool.py" ? "venv/lib/python3.13/site-packages/" : "sentry/src/"}${path}`,
              filename: path,
              module,
              function: fn,
              lineno: 100 + i * 7 + lineOffset,
              context_line: `    return ${fn}(request)`,
              in_app: !path?.startsWith("urllib3"),
            })),
          },
        },
      ],
    },
  };
}

describe("alignEvents", () => {
  const a = event([...OUTER, ...A_MIDDLE, ...TAIL], 0);
  const b = event([...OUTER, ...B_MIDDLE, ...TAIL], 3);
  const { rows, firstDivergingIndex } = alignEvents(a, b);

  it("keeps the shared outer path and the shared crash frames equal, crash frame last", () => {
    expect(rows).toHaveLength(8);
    expect(rows.slice(0, 4).map((r) => r.kind)).toEqual(["equal", "equal", "equal", "equal"]);
    expect(rows.slice(6).map((r) => [r.kind, r.left?.function])).toEqual([
      ["equal", "make_signed_seer_api_request"],
      ["equal", "urlopen"],
    ]);
  });

  it("marks exactly the two middle frames as the divergence", () => {
    const diverging = rows.flatMap((r, i) => (r.kind === "equal" ? [] : [i]));
    expect(diverging).toEqual([4, 5]);
    expect(rows[4]).toMatchObject({
      kind: "changed",
      left: { function: "get_autofix_state" },
      right: { function: "get_and_update_group_fixability_score" },
    });
    expect(rows[5]).toMatchObject({
      kind: "changed",
      left: { function: "make_get_autofix_state_request" },
      right: { function: "_generate_fixability_score" },
    });
    expect(firstDivergingIndex).toBe(4);
    expect(rows.filter((r) => r.firstDivergence)).toHaveLength(1);
  });

  it("carries in-app and contributes flags of the normalised frames", () => {
    const urlopen = rows[7]?.left;
    expect(urlopen).toMatchObject({
      function: "urlopen",
      inApp: false,
      contributes: true,
      filename: "connectionpool.py",
    });
    expect(rows[0]?.left).toMatchObject({ inApp: true, contributes: true, module: "sentry.tasks.autofix" });
  });

  it("shows frames present on one side only", () => {
    const short = event([...OUTER, ...TAIL], 0);
    const result = alignEvents(a, short);
    expect(result.rows.map((r) => r.kind)).toEqual([
      "equal",
      "equal",
      "equal",
      "equal",
      "only-left",
      "only-left",
      "equal",
      "equal",
    ]);
    expect(result.firstDivergingIndex).toBe(4);
  });

  it("aligns two 20,000-frame traces in bounded memory, keeping the most recent frames", () => {
    // Unbounded, the table alone would take 20,001 × 20,001 × 4 bytes (1.6 GB).
    const frames = (prefix: string) =>
      Array.from({ length: 20_000 }, (_, i): AlignedFrame => ({
        module: `${prefix}${i % 7}`,
        filename: null,
        function: `f${i}`,
        lineno: i,
        contextLine: null,
        inApp: true,
        contributes: true,
      }));
    const left = frames("a");
    const right = frames("b");
    const { rows } = alignFrames(left, right);
    expect(rows).toHaveLength(MAX_ALIGNED_FRAMES);
    expect(rows.at(-1)?.left).toBe(left.at(-1));
    expect(rows.at(-1)?.right).toBe(right.at(-1));
  });
});
