import { fnv1a } from "@/engine/math/fnv1a";
import type { GroupingModel, GroupingModels } from "../grouping/models";

/**
 * Embedding models whose vectors the test writes into the stack trace, so that distances are exact:
 * `"vec:0.8,0.6"` embeds as [0.8, 0.6, 0, …] for every model, `"v1=1,0;v2=0,1"` per model. Any other text
 * embeds by its first line only (a pseudo-random direction per line): embedding texts whose exception header
 * ("Type: value") is the same are identical, any others are far apart.
 * Same columns, dimensions and statuses as the real v1 (stable, 768) and v2 (next, 64).
 */
export const fixtureModelList: GroupingModel[] = [
  { version: "v1", column: "v1", dimension: 768, threshold: 0.01, status: "stable" },
  { version: "v2", column: "v2", dimension: 64, threshold: 0.05, status: "next" },
];

function pseudoRandomVector(text: string, dimension: number): number[] {
  let seed = fnv1a(text);
  return Array.from({ length: dimension }, () => {
    seed = Math.imul(seed ^ (seed >>> 15), 2246822507) ^ Math.imul(seed ^ (seed >>> 13), 3266489909);
    return ((seed >>> 0) / 4294967296) * 2 - 1;
  });
}

function embedText(text: string, model: GroupingModel): number[] {
  const perModel = /(?:^|;)\s*(v\d+)=([^;]+)/g;
  const parts = new Map([...text.matchAll(perModel)].map((m) => [m[1]!, m[2]!]));
  const spec = parts.get(model.version) ?? (text.startsWith("vec:") ? text.slice(4) : undefined);
  if (!spec) return pseudoRandomVector(text.split("\n")[0]!, model.dimension);
  const values = spec.split(",").map(Number);
  return Array.from({ length: model.dimension }, (_, i) => values[i] ?? 0);
}

export const fixtureModels: GroupingModels = {
  get: (version) => fixtureModelList.find((model) => model.version === version),
  stable: () => fixtureModelList[0]!,
  next: () => fixtureModelList[1]!,
  list: () => fixtureModelList,
  embed: async (version, texts) => {
    const model = fixtureModelList.find((m) => m.version === version)!;
    return texts.map((text) => embedText(text, model));
  },
};

/** A trace whose vector is at exactly cosine distance `d` from "vec:1,0". */
export function traceAt(d: number): string {
  const cos = 1 - d;
  return `vec:${cos},${Math.sqrt(Math.max(0, 1 - cos * cos))}`;
}
