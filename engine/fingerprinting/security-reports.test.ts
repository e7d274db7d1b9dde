import { describe, expect, it } from "vitest";
import type { SentryEvent } from "@/engine/event/schema";
import { hashFromValues } from "./md5";
import { renderTree } from "./testing/render";
import { fingerprintEvent } from "./index";

const cspReport = (blockedUri: string): SentryEvent => ({
  platform: "javascript",
  logger: "csp",
  csp: { effective_directive: "img-src", violated_directive: "img-src 'self'", blocked_uri: blockedUri },
  logentry: { formatted: `Blocked 'image' from '${blockedUri}'` },
});

describe("CSP reports (default variant)", () => {
  it("group by directive and the blocked URI's host as sent, www. kept", () => {
    const r = fingerprintEvent(cspReport("https://www.tracker.example/pixel.gif"));
    expect(r.variants.default?.hash).toBe(hashFromValues(["img-src", "www.tracker.example"]));
    expect(r.hashes).not.toEqual(fingerprintEvent(cspReport("https://tracker.example/pixel.gif")).hashes);
  });
  it("keep the scheme of a browser-extension source", () => {
    const r = fingerprintEvent(cspReport("moz-extension://0f1e2d/inject.js"));
    expect(r.variants.default?.hash).toBe(hashFromValues(["img-src", "moz-extension://0f1e2d"]));
  });
  it("name no variant in the message's precedence hint", () => {
    const tree = renderTree(fingerprintEvent(cspReport("https://a.example/x.png")).variants.default!.component);
    expect(tree).toContain("      message (csp takes precedence)");
  });
  it("rank below a template, as Sentry's strategy scores do", () => {
    const r = fingerprintEvent({
      ...cspReport("https://a.example/x.png"),
      template: { filename: "page.html", context_line: "{{ broken }}" },
    });
    expect(r.variants.default?.hash).toBe(hashFromValues(["page.html", "{{ broken }}"]));
  });
});

describe("security reports of several kinds in one event", () => {
  it("let Expect-Staple win over Expect-CT", () => {
    const r = fingerprintEvent({ expectct: { hostname: "ct.example" }, expectstaple: { hostname: "staple.example" } });
    expect(r.variants.default?.hash).toBe(hashFromValues(["expect-staple", "staple.example"]));
  });
});
