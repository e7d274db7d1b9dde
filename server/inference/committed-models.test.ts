import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readTimeoutPair } from "@/server/training/synthetic";
import { eventText } from "../training/dataset";
import { LocalInferenceService } from "./local-service";
import { ModelRegistry } from "./registry";
import { cosineDistance } from "@/engine/math/cosine";

// The artifacts in models/ (written by `npm run train`): the behaviour the AI step relies on.
const dir = path.resolve("models");
const present = fs.existsSync(path.join(dir, "v2", "model.onnx")) && fs.existsSync(path.join(dir, "v1", "model.onnx"));

describe.skipIf(!present)("the committed v1 and v2 models", () => {
  const registry = new ModelRegistry(dir);
  const service = new LocalInferenceService(registry, { device: "cpu" });
  const { a, b } = readTimeoutPair();
  const texts = [eventText(a), eventText(b)];

  it("v1 finds the two ReadTimeoutError traces closer than one failure reached through another path (it reads words)", async () => {
    const moved = structuredClone(a);
    const frames = moved.exception.values[0]?.stacktrace.frames ?? [];
    frames.splice(2, 4);
    for (const f of frames) f.lineno += 3;
    const [x, y, z] = await service.embed("v1", [...texts, eventText(moved)]);
    expect(cosineDistance(x ?? [], y ?? [])).toBeLessThan(cosineDistance(x ?? [], z ?? []));
  });

  it("v2 keeps them apart at its stored 64 dimensions", async () => {
    const [x, y] = await service.embed("v2", texts);
    expect(x).toHaveLength(64);
    expect(cosineDistance(x ?? [], y ?? [])).toBeGreaterThan(registry.require("v2").threshold);
  });

  it("v2 still groups the same failure reached through another call path and release", async () => {
    const moved = structuredClone(a);
    const frames = moved.exception.values[0]?.stacktrace.frames ?? [];
    frames.splice(2, 4); // entered from another task, without the summary wrappers
    for (const f of frames) f.lineno += 3;
    const [x, y] = await service.embed("v2", [texts[0] as string, eventText(moved)]);
    expect(cosineDistance(x ?? [], y ?? [])).toBeLessThanOrEqual(registry.require("v2").threshold);
  });
});
