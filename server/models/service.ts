import "server-only";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { ModelListResponse } from "@/lib/contracts/models";
import { groupingIndexStats } from "../grouping/stats";
import { modelRegistry } from "../inference";

// The report `npm run train` writes beside the model it trained (models/<version>/evaluation.json): on the corpus's
// dev split (applications never trained on) since training moved to the corpus, on a held-out test split before.
const evaluationSchema = z.object({
  models: z.record(
    z.string(),
    z.object({
      dims: z.record(
        z.string(),
        z.object({
          threshold: z.number(),
          precision: z.number(),
          recall: z.number(),
          recall_at_p95: z.number(),
          auc: z.number(),
        }),
      ),
    }),
  ),
});
const reportSchema = z.object({
  pairs: z.object({ test: z.number().optional(), dev: z.number().optional() }).optional(),
  dev: evaluationSchema.optional(),
  test: evaluationSchema.optional(),
});

function readReports(directories: string[]) {
  for (const directory of directories) {
    const file = path.join(directory, "evaluation.json");
    if (!fs.existsSync(file)) continue;
    const parsed = reportSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    if (parsed.success) return parsed.data;
  }
  return null;
}

/** The registry's models with their index coverage and their held-out evaluation. */
export async function listModels(): Promise<ModelListResponse> {
  const entries = modelRegistry.list();
  const report = readReports(entries.map((entry) => entry.directory));
  const stats = await groupingIndexStats();
  return {
    evaluationPairs: (report?.dev ? report.pairs?.dev : report?.pairs?.test) ?? null,
    models: entries.map((entry) => ({
      version: entry.version,
      description: entry.description ?? null,
      status: entry.status,
      dimensionProduced: entry.dimensionProduced,
      dimensionStored: entry.dimensionStored,
      column: entry.column,
      threshold: entry.threshold,
      tokenizer: entry.tokenizer.kind,
      artifactBytes: fs.existsSync(entry.artifactPath) ? fs.statSync(entry.artifactPath).size : 0,
      indexedRecords: stats.byModel[entry.column] ?? 0,
      evaluation: Object.entries((report?.dev ?? report?.test)?.models[entry.version]?.dims ?? {})
        .map(([dims, row]) => ({
          dims: Number(dims),
          threshold: row.threshold,
          precision: row.precision,
          recall: row.recall,
          recallAtP95: row.recall_at_p95,
          auc: row.auc,
        }))
        .sort((a, b) => a.dims - b.dims),
    })),
  };
}
