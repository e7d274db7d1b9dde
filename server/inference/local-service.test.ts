import { describe, expect, it } from "vitest";
import { createSession, InferenceDeviceError } from "./execution-provider";
import { LocalInferenceService } from "./local-service";
import { ModelRegistry, UnknownModelError } from "./registry";
import { tinyModelsDir } from "./testing/tiny-models";

const registry = new ModelRegistry(tinyModelsDir());
const trace = (fn: string) =>
  `KeyError: 'id'\n  File "views.py", function create_order\n    total = ${fn}(order)\n  File "pricing.py", function ${fn}\n    return rates["id"]`;
const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe("the model registry", () => {
  it("lists versions with their dimensions, column, threshold and status", () => {
    expect(registry.list().map((e) => e.version)).toEqual(["v1", "v2"]);
    expect(registry.stable()?.version).toBe("v1");
    expect(registry.next()).toMatchObject({
      version: "v2",
      dimensionProduced: 768,
      dimensionStored: 64,
      column: "v2",
      threshold: 0.1,
    });
    expect(registry.get("v2")?.artifactPath).toMatch(/v2[\\/]model\.onnx$/);
    expect(() => registry.require("v9")).toThrow(UnknownModelError);
  });
});

describe("the in-process inference service", () => {
  const service = new LocalInferenceService(registry, { device: "cpu" });

  it("returns the stored dimension by default, L2-normalised", async () => {
    const [v2] = await service.embed("v2", [trace("quote")]);
    const [v1] = await service.embed("v1", [trace("quote")]);
    expect(v2).toHaveLength(64);
    expect(v1).toHaveLength(768);
    expect(norm(v2 ?? [])).toBeCloseTo(1, 5);
  });

  it("truncates to a Matryoshka prefix: dims 64 is the re-normalised start of dims 768", async () => {
    const [full] = await service.embed("v2", [trace("quote")], { dims: 768 });
    const [short] = await service.embed("v2", [trace("quote")], { dims: 64 });
    const prefix = (full ?? []).slice(0, 64);
    const n = norm(prefix);
    (short ?? []).forEach((x, i) => expect(x).toBeCloseTo((prefix[i] as number) / n, 5));
  });

  it("rejects more dimensions than the model produces and unknown models with a 400", async () => {
    await expect(service.embed("v2", ["x"], { dims: 1024 })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/produces 768 dimensions/),
    });
    await expect(service.embed("v9", ["x"])).rejects.toMatchObject({
      status: 400,
      message: 'Unknown model "v9"; known models: v1, v2.',
    });
  });

  it("batches concurrent callers into one model run", async () => {
    const batching = new LocalInferenceService(registry, { device: "cpu", maxBatch: 64, maxWaitMs: 20 });
    await batching.embed("v2", [trace("warm")]);
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => batching.embed("v2", [trace(`quote_${i % 3}`)])),
    );
    expect(results).toHaveLength(24);
    const [model] = await batching.describe();
    expect(model?.batching.items).toBe(25);
    expect(model?.batching.batches).toBeLessThanOrEqual(3);
    // Batched or not, a text gets the same vector.
    const [alone] = await service.embed("v2", [trace("quote_1")]);
    (results[1]?.[0] ?? []).forEach((x, i) => expect(x).toBeCloseTo(alone?.[i] as number, 5));
  });
});

describe("execution provider selection", () => {
  const artifact = registry.require("v1").artifactPath;
  it("falls back to CPU under auto when CUDA cannot load", async () => {
    const { provider } = await createSession(artifact, "auto", "v1");
    expect(["cpu", "cuda"]).toContain(provider);
  });

  it("fails clearly under cuda when the CUDA provider is missing", async () => {
    const attempt = createSession(artifact, "cuda", "v1");
    const outcome = await attempt.then(
      (r) => r.provider,
      (e: unknown) => e,
    );
    if (outcome === "cuda") return; // a GPU host with the provider installed
    expect(outcome).toBeInstanceOf(InferenceDeviceError);
    expect((outcome as Error).message).toMatch(/INFERENCE_DEVICE=cuda.*docs\/inference\.md/);
  });
});
