import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeNext("/review/label?queue=pending&blind=1#top")).toBe("/review/label?queue=pending&blind=1#top");
    expect(safeNext("/issues/42")).toBe("/issues/42");
  });

  it.each([
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash that browsers read as a slash", "/\\evil.example"],
    ["a tab that browsers drop (next=/%09/evil.example)", "/\t/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "evil.example"],
    ["nothing", undefined],
    ["a repeated parameter", ["/a", "/b"]],
  ])("sends %s to the home page instead", (_what, value) => {
    expect(safeNext(value)).toBe("/");
  });
});
