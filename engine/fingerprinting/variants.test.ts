import { describe, expect, it } from "vitest";
import { md5Bytes, hashFromValues } from "./md5";
import { trimMessageForGrouping } from "./parameterize";
import { fingerprintEvent } from "./index";
import { parseFingerprintRules } from "./rules/parser";

const withStack = {
  platform: "python",
  exception: {
    values: [
      {
        type: "KeyError",
        value: "user 42",
        stacktrace: { frames: [{ filename: "app.py", function: "f", in_app: true }] },
      },
    ],
  },
};

describe("md5", () => {
  it("matches known digests, UTF-8 encoded", () => {
    expect(md5Bytes(new Uint8Array())).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(hashFromValues(["The quick brown fox ", "jumps over the lazy dog"])).toBe(
      "9e107d9d372bb6826bd81d3542a419d6",
    );
    // md5 of the UTF-8 bytes c3 a9
    expect(hashFromValues(["é"])).toBe("66ddcd97cfdeabb2f6fb8a999b4bc76f");
  });
});

describe("exception values", () => {
  it("keep two non-empty lines and replace event-specific values", () => {
    expect(trimMessageForGrouping("a\n\nb\nc")).toBe("a\nb...");
    expect(
      trimMessageForGrouping(
        "mail a@b.com at https://x.io/y from 10.0.0.1 id 550e8400-e29b-41d4-a716-446655440000 at 0xdeadbeef took 1.5 of 42",
      ),
    ).toBe("mail <email> at <url> from <ip> id <uuid> at <hex> took <float> of <int>");
  });
  it("count only when no stacktrace contributes", () => {
    const noStack = fingerprintEvent({ exception: { values: [{ type: "E", value: "user 42" }] } });
    const a = fingerprintEvent({ exception: { values: [{ type: "E", value: "user 43" }] } });
    expect(noStack.hashes).toEqual(a.hashes);
    const stacked = fingerprintEvent(withStack);
    const other = fingerprintEvent({
      ...withStack,
      exception: { values: [{ ...withStack.exception.values[0]!, value: "totally different" }] },
    });
    expect(stacked.hashes).toEqual(other.hashes);
  });
  it("ignore the type of synthetic exceptions", () => {
    const r = fingerprintEvent({
      exception: { values: [{ type: "SIGSEGV", value: "x", mechanism: { synthetic: true } }] },
    });
    const type = r.variants.app?.component.values[0];
    expect(
      typeof type !== "string" && type?.values.find((v) => typeof v !== "string" && v.id === "type"),
    ).toMatchObject({ contributes: false });
  });
});

describe("variants", () => {
  it("gives app and system hashes, system last", () => {
    const r = fingerprintEvent({
      platform: "python",
      exception: {
        values: [
          {
            type: "E",
            stacktrace: {
              frames: [
                { filename: "lib.py", function: "g", in_app: false },
                { filename: "app.py", function: "f", in_app: true },
              ],
            },
          },
        ],
      },
    });
    expect(r.hashes).toHaveLength(2);
    expect(r.hashes[1]).toBe(r.variants.system?.hash);
  });
  it("falls back to the message, then to the fallback variant", () => {
    expect(fingerprintEvent({ message: "hello 1" }).hashes).toEqual(fingerprintEvent({ message: "hello 2" }).hashes);
    const empty = fingerprintEvent({});
    expect(Object.keys(empty.variants)).toContain("fallback");
    expect(empty.hashes).toEqual(["d41d8cd98f00b204e9800998ecf8427e"]);
  });
  it("replaces grouping with a custom client fingerprint", () => {
    const r = fingerprintEvent({ ...withStack, fingerprint: ["my-group", "{{ type }}"] });
    expect(r.variants["custom-fingerprint"]).toMatchObject({ values: ["my-group", "KeyError"] });
    expect(r.hashes).toEqual([hashFromValues(["my-group", "KeyError"])]);
  });
  it("salts default grouping when {{ default }} is combined with values", () => {
    const plain = fingerprintEvent(withStack);
    const salted = fingerprintEvent({ ...withStack, fingerprint: ["{{ default }}", "tenant-a"] });
    expect(salted.variants.app?.type).toBe("salted-component");
    expect(salted.hashes).not.toEqual(plain.hashes);
    expect(fingerprintEvent({ ...withStack, fingerprint: ["{{default}}"] }).hashes).toEqual(plain.hashes);
  });
  it("lets a checksum override everything", () => {
    const r = fingerprintEvent({ ...withStack, checksum: "0123456789abcdef0123456789abcdef" });
    expect(r.hashes).toEqual(["0123456789abcdef0123456789abcdef"]);
  });
});

describe("server-side fingerprint rules", () => {
  it("parses the text syntax and resolves variables", () => {
    const rules = parseFingerprintRules(`# comment
error.type:KeyError app:yes -> key-error, {{ function }} title="Key error"
message:"*love*" -> love`);
    expect(rules).toHaveLength(2);
    const r = fingerprintEvent(withStack, { fingerprintingRules: rules });
    expect(r.variants["custom-fingerprint"]).toMatchObject({ values: ["key-error", "f"] });
    expect(r.variants["custom-fingerprint"]?.matchedRule).toBe(
      'type:"KeyError" app:"yes" -> "key-error{{ function }}" title="Key error"',
    );
  });
  it("leave events that do not match alone", () => {
    const r = fingerprintEvent(withStack, { fingerprintingRules: "error.type:ValueError -> v" });
    expect(r.variants["custom-fingerprint"]).toBeUndefined();
  });
  it("honour per-project stack trace rules", () => {
    const r = fingerprintEvent(withStack, { enhancements: "function:f -group" });
    expect(r.variants.system?.component.contributes).toBe(true);
    expect(r.hashes).not.toEqual(fingerprintEvent(withStack).hashes);
  });
});
