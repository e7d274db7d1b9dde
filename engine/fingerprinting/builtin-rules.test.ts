import { describe, expect, it } from "vitest";
import type { SentryEvent } from "@/engine/event/schema";
import { hashFromValues } from "./md5";
import { fingerprintEvent } from "./index";

const jsError = (type: string, value: string, extra: Partial<SentryEvent> = {}): SentryEvent => ({
  platform: "javascript",
  exception: {
    values: [
      {
        type,
        value,
        stacktrace: { frames: [{ abs_path: "https://shop.example/_next/static/chunks/main.js", function: "load" }] },
      },
    ],
  },
  ...extra,
});

describe("Sentry's built-in fingerprint rules (newstyle:2023-01-11)", () => {
  it("make every JavaScript ChunkLoadError one issue, by type or by value", () => {
    const byType = fingerprintEvent(jsError("ChunkLoadError", "Loading chunk 42 failed."));
    const byValue = fingerprintEvent(jsError("Error", "ChunkLoadError: Loading chunk 7 failed."));
    const chunk = hashFromValues(["chunkloaderror"]);
    expect(byType.variants["built-in-fingerprint"]).toMatchObject({ hash: chunk, values: ["chunkloaderror"] });
    expect(byType.variants["custom-fingerprint"]).toBeUndefined();
    expect(byType.variants.app?.hash).toBeNull();
    expect(byValue.hashes).toEqual([chunk]);
  });
  it("replace a client's hybrid fingerprint, as any server rule does", () => {
    const r = fingerprintEvent(jsError("ChunkLoadError", "x", { fingerprint: ["{{ default }}", "checkout"] }));
    expect(r.variants["built-in-fingerprint"]).toMatchObject({
      values: ["chunkloaderror"],
      clientValues: ["{{ default }}", "checkout"],
    });
  });
  it("do not touch other platforms", () => {
    const r = fingerprintEvent({ ...jsError("ChunkLoadError", "x"), platform: "python" });
    expect(r.variants["built-in-fingerprint"]).toBeUndefined();
  });
  it("come after the project's own rules", () => {
    const r = fingerprintEvent(jsError("ChunkLoadError", "x"), {
      fingerprintingRules: "error.type:ChunkLoadError -> my-chunks",
    });
    expect(r.variants["custom-fingerprint"]?.values).toEqual(["my-chunks"]);
    expect(r.variants["built-in-fingerprint"]).toBeUndefined();
  });
  it("group a React hydration error per transaction, the transaction taken as a tag", () => {
    const hydration = (transaction?: string) =>
      fingerprintEvent(
        jsError("Error", "Text content does not match server-rendered HTML.", transaction ? { transaction } : {}),
      );
    expect(hydration("/checkout").variants["built-in-fingerprint"]?.values).toEqual(["hydrationerror", "/checkout"]);
    expect(hydration("/cart").hashes).not.toEqual(hydration("/checkout").hashes);
    expect(hydration().variants["built-in-fingerprint"]).toBeUndefined();
  });
});
