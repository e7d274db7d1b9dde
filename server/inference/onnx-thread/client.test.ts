import path from "node:path";
import { describe, expect, it } from "vitest";
import { createEncoder } from "../encoders";
import { createSession, InferenceDeviceError } from "../execution-provider";
import { ModelRegistry } from "../registry";
import { ThreadedSession } from "./client";

// The committed v2: one batch of 4,096 long traces takes long enough to watch the caller's event loop during it.
const registry = new ModelRegistry(path.resolve("models"));
const entry = registry.require("v2");
const encoder = createEncoder(entry);
const traces = Array.from({ length: 4096 }, (_, i) =>
  Array.from(
    { length: 40 },
    (_, f) => `  File "app/module_${(i * 7 + f) % 23}.py", line ${f + 1}, in handler_${f}\n    value = compute_${f}(x)`,
  ).join("\n"),
);
const feeds = () => encoder.feeds(traces.map((text) => encoder.encode(text)) as never[], []);

/** How many 5 ms timers fired while `work` ran, and how long it took. */
async function ticksDuring(work: () => Promise<unknown>): Promise<{ ticks: number; ms: number }> {
  let ticks = 0;
  const timer = setInterval(() => (ticks += 1), 5);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  clearInterval(timer);
  return { ticks, ms };
}

describe("the inference thread", () => {
  it("returns what the same session returns in-process, while the caller's event loop goes on", async () => {
    const inProcess = (await createSession(entry.artifactPath, "cpu", "v2")).session;
    const { session: threaded, provider } = await ThreadedSession.open(entry.artifactPath, "cpu", "v2", 1);
    expect(provider).toBe("cpu");
    expect(threaded.inputNames).toEqual(inProcess.inputNames);
    await threaded.run(feeds());

    let expected!: Float32Array;
    const localFeeds = feeds();
    const local = await ticksDuring(async () => {
      expected = (await inProcess.run(localFeeds))[entry.output]!.data as Float32Array;
    });
    let actual!: Float32Array;
    const remoteFeeds = feeds();
    const remote = await ticksDuring(async () => {
      actual = (await threaded.run(remoteFeeds))[entry.output]!.data as Float32Array;
    });
    expect(actual.length).toBe(expected.length);
    expect(Array.from(actual.subarray(0, 16))).toEqual(Array.from(expected.subarray(0, 16)));
    expect(actual.reduce((worst, x, i) => Math.max(worst, Math.abs(x - expected[i]!)), 0)).toBeLessThan(1e-5);
    // In-process, onnxruntime-node runs the whole batch synchronously: no timer fires until it is done. On the
    // thread, the 5 ms timer goes on firing through the run (a run of 4,096 traces takes well over 50 ms).
    expect(local.ticks, `${local.ms.toFixed(0)} ms run`).toBeLessThanOrEqual(1);
    expect(remote.ms).toBeGreaterThan(50);
    expect(remote.ticks, `${remote.ms.toFixed(0)} ms run`).toBeGreaterThanOrEqual(Math.floor(remote.ms / 20));
  }, 60_000);

  it("fails as in-process when the CUDA provider is missing, with the same error class", async () => {
    const outcome = await ThreadedSession.open(entry.artifactPath, "cuda", "v2", 1).then(
      (opened) => opened.provider,
      (error: unknown) => error,
    );
    if (outcome === "cuda") return; // a GPU host with the provider installed
    expect(outcome).toBeInstanceOf(InferenceDeviceError);
    expect((outcome as Error).message).toMatch(/INFERENCE_DEVICE=cuda.*docs\/inference\.md/);
  }, 60_000);
});
