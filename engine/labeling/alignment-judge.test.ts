import { describe, expect, it } from "vitest";
import { alignFrames, type AlignedFrame } from "@/engine/alignment";
import { judgePair, messageShape, type JudgeInput } from "./alignment-judge";

/** A frame by "module:function", in-app unless the module starts with "lib." */
function frame(spec: string): AlignedFrame {
  const [module, fn] = spec.split(":") as [string, string];
  return {
    module,
    filename: null,
    function: fn,
    lineno: 10,
    contextLine: null,
    inApp: !module.startsWith("lib."),
    contributes: true,
  };
}

/** Two events: exception chains (cause first) and frames oldest first. */
function pair(left: { types: string[]; frames: string[] }, right: { types: string[]; frames: string[] }): JudgeInput {
  const exceptions = (types: string[]) => types.map((type) => ({ type, value: "boom" }));
  return {
    left: { exceptions: exceptions(left.types) },
    right: { exceptions: exceptions(right.types) },
    rows: alignFrames(left.frames.map(frame), right.frames.map(frame)).rows,
  };
}

const timeout = ["lib.requests:get", "lib.urllib3:urlopen"];

describe("the built-in labeler's judge", () => {
  it("groups the same exception from the same app code near the crash, reached through other callers", () => {
    const judged = pair(
      { types: ["ReadTimeout"], frames: ["app.routes:checkout", "app.billing:charge", "app.http:post", ...timeout] },
      { types: ["ReadTimeout"], frames: ["app.jobs:retry_failed", "app.billing:charge", "app.http:post", ...timeout] },
    );
    expect(judgePair(judged)).toEqual({
      verdict: "GROUP",
      reason:
        "The same ReadTimeout from the same app code near the crash (app.http:post); only the callers above differ.",
    });
  });

  it("separates a family that shares the library frames and the helper but diverges one app frame above it", () => {
    // The seed's pattern: two ReadTimeouts from one client helper, called by get_autofix_state vs _generate_fixability_score.
    const judged = pair(
      {
        types: ["ReadTimeout"],
        frames: ["app.api:handle", "app.autofix:get_autofix_state", "app.http:post", ...timeout],
      },
      {
        types: ["ReadTimeout"],
        frames: ["app.api:handle", "app.fixability:_generate_fixability_score", "app.http:post", ...timeout],
      },
    );
    const verdict = judgePair(judged);
    expect(verdict.verdict).toBe("SEPARATE");
    expect(verdict.reason).toBe(
      "The app frames part 2 frames from the crash: app.autofix:get_autofix_state vs app.fixability:_generate_fixability_score.",
    );
  });

  it("separates different exceptions, and different raising code", () => {
    expect(
      judgePair(pair({ types: ["KeyError"], frames: ["app.a:run"] }, { types: ["ValueError"], frames: ["app.a:run"] })),
    ).toEqual({ verdict: "SEPARATE", reason: "Different exceptions: KeyError vs ValueError." });
    expect(
      judgePair(
        pair(
          { types: ["KeyError"], frames: ["app.a:run", "app.b:parse"] },
          { types: ["KeyError"], frames: ["app.a:run", "app.c:load"] },
        ),
      ).verdict,
    ).toBe("SEPARATE");
  });

  it("passes over a wrapper frame on one side only (a decorator, a lock, a closure)", () => {
    const judged = pair(
      { types: ["KeyError"], frames: ["app.routes:sync", "app.cache:delete_entry", "app.dao:remove_index"] },
      {
        types: ["KeyError"],
        frames: ["app.routes:sync", "app.cache:delete_entry", "app.cache:wrapper", "app.dao:remove_index"],
      },
    );
    expect(judgePair(judged).verdict).toBe("GROUP");
    // But not at the crash: an extra innermost app frame on one side is other raising code.
    const deeper = pair(
      { types: ["KeyError"], frames: ["app.routes:sync", "app.dao:remove_index"] },
      { types: ["KeyError"], frames: ["app.routes:sync", "app.dao:remove_index", "app.dao:lookup"] },
    );
    expect(judgePair(deeper)).toEqual({
      verdict: "SEPARATE",
      reason: "The app code that raises differs: nothing vs app.dao:lookup.",
    });
  });

  it("is unsure rather than grouping when the traces say too little", () => {
    // Only library frames, the same at the crash: nothing tells the callers apart.
    expect(
      judgePair(pair({ types: ["ReadTimeout"], frames: timeout }, { types: ["ReadTimeout"], frames: timeout })).verdict,
    ).toBe("UNSURE");
    // No stack trace at all (a Go error without one): the message alone is no proof.
    expect(
      judgePair(pair({ types: ["*errors.errorString"], frames: [] }, { types: ["*errors.errorString"], frames: [] }))
        .verdict,
    ).toBe("UNSURE");
    // A wrapper over the same cause from the same code: the raised types differ.
    expect(
      judgePair(
        pair(
          { types: ["ReadTimeout", "SyncFailed"], frames: ["app.sync:run", "app.http:post", ...timeout] },
          { types: ["ReadTimeout"], frames: ["app.sync:run", "app.http:post", ...timeout] },
        ),
      ).verdict,
    ).toBe("UNSURE");
  });

  it("reads messages by their shape, not their data", () => {
    expect(messageShape("Order 4411 has no 'customer_id' (0x7ffe12)")).toBe(messageShape("Order 17 has no 'x' (0x1)"));
    expect(messageShape("Invalid number")).not.toBe(messageShape("Division by zero"));
  });
});
