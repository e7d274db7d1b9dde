import { describe, expect, it } from "vitest";
import { normalizeCspUri } from "./csp-uri";

// Expected values are what Python's urlsplit/urlunsplit give in Sentry's `Csp._normalize_uri`.
describe("normalizeCspUri", () => {
  it("keeps an http(s) URI's network location as sent, www. and port included", () => {
    expect(normalizeCspUri("https://www.cdn.example.com/lib.js?v=2")).toBe("www.cdn.example.com");
    expect(normalizeCspUri("http://example.com:8080/a")).toBe("example.com:8080");
    expect(normalizeCspUri("HTTPS://Static.Example.com")).toBe("Static.Example.com");
  });
  it("keeps scheme and netloc of other schemes, or the scheme alone without a netloc", () => {
    expect(normalizeCspUri("chrome-extension://abcdef/content.js")).toBe("chrome-extension://abcdef");
    expect(normalizeCspUri("wss://socket.example.com/live")).toBe("wss://socket.example.com");
    expect(normalizeCspUri("about:blank")).toBe("about:");
    expect(normalizeCspUri("data:image/png;base64,AAAA")).toBe("data:");
    expect(normalizeCspUri("blob:https://example.com/5c2e")).toBe("blob:");
  });
  it("turns a bare scheme into a URI and local sources into 'self'", () => {
    expect(normalizeCspUri("inline")).toBe("inline:");
    expect(normalizeCspUri("https")).toBe("https://");
    expect(normalizeCspUri("")).toBe("'self'");
    expect(normalizeCspUri("self")).toBe("'self'");
  });
});
