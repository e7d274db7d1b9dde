import { describe, expect, it } from "vitest";
import { LocalInferenceService } from "./local-service";
import { ModelRegistry } from "./registry";
import { tinyModelsDir } from "./testing/tiny-models";
import { modelsReadiness, warmModels } from "./warm-up";

describe("warming the models at start", () => {
  it("runs every served model once and then says ready", async () => {
    const calls: string[] = [];
    const service = {
      embed: async (model: string, texts: string[]) => {
        calls.push(model);
        return texts.map(() => [1]);
      },
    };
    expect(await warmModels(service, ["v1", "v2"])).toBe("ready");
    expect(calls).toEqual(["v1", "v2"]);
    expect(modelsReadiness()).toBe("ready");
  });

  it("says failed when a model cannot load, without throwing", async () => {
    const service = {
      embed: async () => {
        throw new Error("model.onnx is missing");
      },
    };
    expect(await warmModels(service, ["v1"])).toBe("failed");
    expect(modelsReadiness()).toBe("failed");
  });

  it("opens the real ONNX sessions of the in-process service", async () => {
    const service = new LocalInferenceService(new ModelRegistry(tinyModelsDir()), { device: "cpu" });
    expect(await warmModels(service, ["v1", "v2"])).toBe("ready");
  });
});
