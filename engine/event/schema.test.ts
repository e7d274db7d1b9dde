import { describe, expect, it } from "vitest";
import { parseEvent } from "./schema";

describe("parseEvent", () => {
  it("accepts real SDK payloads with nulls and unknown fields", () => {
    const r = parseEvent({
      platform: "python",
      exception: {
        values: [
          { type: "E", value: "x", stacktrace: { frames: [null, { function: "f", in_app: null, vars: { a: 1 } }] } },
        ],
      },
      extra_field: { anything: true },
      tags: [["a", "b"]],
      fingerprint: ["{{ default }}", 42],
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.event.fingerprint).toEqual(["{{ default }}", "42"]);
  });

  it("accepts the legacy single exception and bare exception list", () => {
    const single = parseEvent({ exception: { type: "E", value: "v" } });
    const list = parseEvent({ exception: [{ type: "E" }] });
    expect(single.ok && single.event.exception?.values?.[0]?.type).toBe("E");
    expect(list.ok && list.event.exception?.values?.[0]?.type).toBe("E");
  });

  it("names the offending path", () => {
    const r = parseEvent({ exception: { values: [{ stacktrace: { frames: [{ lineno: "ten" }] } }] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path).toBe("exception.values[0].stacktrace.frames[0].lineno");
  });
});
