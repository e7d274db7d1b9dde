import { describe, expect, it } from "vitest";
import type { GroupingModel } from "./models";
import { groupingThreshold, SENTRY_DEFAULT_THRESHOLD } from "./thresholds";

const v2: GroupingModel = {
  version: "v2",
  column: "v2",
  dimension: 64,
  threshold: 0.02,
  platformThresholds: { node: 0.14 },
  status: "next",
};

describe("groupingThreshold with per-platform calibration", () => {
  it("uses the event's platform threshold when the caller chose none", () => {
    expect(groupingThreshold(undefined, v2, "node")).toBe(0.14);
    expect(groupingThreshold(SENTRY_DEFAULT_THRESHOLD, v2, "node")).toBe(0.14);
  });
  it("falls back to the global threshold for other platforms or none (Sentry sends no platform)", () => {
    expect(groupingThreshold(undefined, v2, "python")).toBe(0.02);
    expect(groupingThreshold(undefined, v2)).toBe(0.02);
  });
  it("keeps a caller's deliberate threshold whatever the platform", () => {
    expect(groupingThreshold(0.3, v2, "node")).toBe(0.3);
  });
});
