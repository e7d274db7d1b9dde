import { describe, expect, it } from "vitest";
import { normalizeIngestPath } from "./paths";

describe("normalizeIngestPath", () => {
  it("strips the trailing slash of the SDK paths, keeping the query", () => {
    expect(normalizeIngestPath("/api/42/envelope/")).toBe("/api/42/envelope");
    expect(normalizeIngestPath("/api/42/store/?sentry_key=abc&sentry_version=7")).toBe(
      "/api/42/store?sentry_key=abc&sentry_version=7",
    );
    expect(normalizeIngestPath("/api/store/?sentry_key=abc")).toBe("/api/store?sentry_key=abc");
  });

  it("collapses repeated slashes in the SDK paths, as Relay routes them", () => {
    expect(normalizeIngestPath("//api/1//store/")).toBe("/api/1/store");
    expect(normalizeIngestPath("/api/1/envelope//")).toBe("/api/1/envelope");
    expect(normalizeIngestPath("/api//store///?sentry_data=%7B%7D&x=//")).toBe("/api/store?sentry_data=%7B%7D&x=//");
  });

  it("leaves every other path alone", () => {
    for (const url of [
      "/api/42/envelope",
      "/api/users/",
      "//api//users/",
      "/api/v0/issues/similar-issues/",
      "/api/42/envelope/x",
      "/api/envelope/",
      "/projects/",
    ]) {
      expect(normalizeIngestPath(url)).toBe(url);
    }
  });
});
