import { describe, expect, it } from "vitest";
import { withoutIngestTrailingSlash } from "./paths";

describe("withoutIngestTrailingSlash", () => {
  it("strips the trailing slash of the SDK paths, keeping the query", () => {
    expect(withoutIngestTrailingSlash("/api/42/envelope/")).toBe("/api/42/envelope");
    expect(withoutIngestTrailingSlash("/api/42/store/?sentry_key=abc&sentry_version=7")).toBe(
      "/api/42/store?sentry_key=abc&sentry_version=7",
    );
  });

  it("leaves every other path alone", () => {
    for (const url of [
      "/api/42/envelope",
      "/api/users/",
      "/api/v0/issues/similar-issues/",
      "/api/42/envelope/x",
      "/projects/",
    ]) {
      expect(withoutIngestTrailingSlash(url)).toBe(url);
    }
  });
});
