import { describe, expect, it } from "vitest";
import type { SentryEvent, SentryFrame } from "@/engine/event/schema";
import { fingerprintEvent } from "./index";

// An event stored by Sentry carries, per frame, the in_app value a project's stack trace rules
// (set in Sentry's UI) gave it, and in `data.orig_in_app` what the SDK sent (-1: unset, 0, 1).
// Sentry restores the SDK's value before applying the rules in force, so must we.
const event = (frames: SentryFrame[]): SentryEvent => ({
  platform: "python",
  exception: { values: [{ type: "ValueError", value: "bad", stacktrace: { frames } }] },
});
const lib: SentryFrame = { filename: "lib/x.py", function: "helper" };
const main: SentryFrame = { filename: "app/main.py", function: "main", in_app: true };

describe("in_app set by another project's stack trace rules", () => {
  it("is undone when the SDK left it unset (orig_in_app -1)", () => {
    const exported = fingerprintEvent(event([main, { ...lib, in_app: true, data: { orig_in_app: -1 } }]));
    const asSent = fingerprintEvent(event([main, lib]));
    expect(exported.variants.app?.hash).toBe(asSent.variants.app?.hash);
  });
  it("is undone back to the SDK's own value (orig_in_app 1)", () => {
    const exported = fingerprintEvent(event([main, { ...lib, in_app: false, data: { orig_in_app: 1 } }]));
    const asSent = fingerprintEvent(event([main, { ...lib, in_app: true }]));
    expect(exported.variants.app?.hash).toBe(asSent.variants.app?.hash);
  });
  it("is re-decided by this project's rules", () => {
    const exported = event([main, { ...lib, in_app: false, data: { orig_in_app: -1 } }]);
    const withRule = fingerprintEvent(exported, { enhancements: "path:lib/** +app" });
    const markedHere = fingerprintEvent(event([main, { ...lib, in_app: true }]));
    expect(withRule.variants.app?.hash).toBe(markedHere.variants.app?.hash);
  });
});
