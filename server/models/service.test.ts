import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "../testing/test-environment";
import { listModels } from "./service";

setUpTestDatabase();

describe("the Models page's data", () => {
  it("lists the committed models with their storage and the dev-split evaluation of the last training", async () => {
    const { models } = await listModels();
    const v1 = models.find((m) => m.version === "v1")!;
    const v2 = models.find((m) => m.version === "v2")!;
    expect(v1).toMatchObject({ status: "stable", dimensionStored: 768, column: "v1", indexedRecords: 0 });
    expect(v2).toMatchObject({ status: "next", dimensionProduced: 768, dimensionStored: 64, column: "v2" });
    expect(v2.artifactBytes).toBeGreaterThan(100_000);
    // The report must agree with what the registry serves: the stored dimension's row carries the threshold in use.
    const stored = v2.evaluation.find((row) => row.dims === 64)!;
    expect(stored.threshold).toBeCloseTo(v2.threshold, 3);
    // And it must show what the rollout is about: on applications it never saw, v2 at 64 ranks pairs better than v1
    // and finds more duplicates at 95% precision.
    const v1Row = v1.evaluation.find((row) => row.dims === 768)!;
    expect(stored.auc).toBeGreaterThan(v1Row.auc);
    expect(stored.recallAtP95).toBeGreaterThan(v1Row.recallAtP95);
  });
});
