import "server-only";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { ModelListResponse, ModelSummary } from "@/lib/contracts/models";
import { db } from "../db";
import { groupingIndexStats } from "../grouping/stats";
import { modelRegistry, type ModelEntry } from "../inference";
import { indexName, type DdlStatement } from "./ddl";

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
export const reportSchema = z.object({
  pairs: z.object({ test: z.number().optional(), dev: z.number().optional() }).optional(),
  dev: evaluationSchema.optional(),
  test: evaluationSchema.optional(),
});

type Report = z.infer<typeof reportSchema>;

function readReport(directory: string): Report | null {
  const file = path.join(directory, "evaluation.json");
  if (!fs.existsSync(file)) return null;
  try {
    const parsed = reportSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** How each model did: its own folder's report if it names it, else the first report that does (training writes one report for v1 and v2). */
function evaluationOf(
  entry: ModelEntry,
  own: Report | null,
  reports: Report[],
): { report: Report | null; rows: ModelSummary["evaluation"] } {
  const mine = [own, ...reports].find((report) => report && (report.dev ?? report.test)?.models[entry.version]);
  const dims = mine ? ((mine.dev ?? mine.test)?.models[entry.version]?.dims ?? {}) : {};
  return {
    report: mine ?? null,
    rows: Object.entries(dims)
      .map(([dim, row]) => ({
        dims: Number(dim),
        threshold: row.threshold,
        precision: row.precision,
        recall: row.recall,
        recallAtP95: row.recall_at_p95,
        auc: row.auc,
      }))
      .sort((a, b) => a.dims - b.dims),
  };
}

/** The registry's models with their index coverage, their held-out evaluation and what the console did with them. */
export async function listModels(): Promise<ModelListResponse> {
  const entries = modelRegistry.list();
  const own = entries.map((entry) => readReport(entry.directory));
  const reports = own.flatMap((report) => report ?? []);
  const prisma = await db();
  const [stats, rows, flags] = await Promise.all([
    groupingIndexStats(),
    prisma.modelVersion.findMany(),
    prisma.featureFlag.findMany({ where: { key: "grouping_model" }, select: { value: true } }),
  ]);
  const indexes = new Set(
    (
      await prisma.$queryRaw<{ indexname: string }[]>`
        SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'grouping_records'`
    ).map((row) => row.indexname),
  );
  const evaluations = entries.map((entry, i) => evaluationOf(entry, own[i] ?? null, reports));
  const shared = evaluations.find((evaluation) => evaluation.report)?.report ?? null;
  return {
    evaluationPairs: (shared?.dev ? shared.pairs?.dev : shared?.pairs?.test) ?? null,
    models: entries.map((entry, i) => {
      const row = rows.find((r) => r.version === entry.version);
      return {
        version: entry.version,
        description: entry.description ?? null,
        status: entry.status,
        source: row?.artifactDir ? ("registered" as const) : ("built-in" as const),
        registeredBy: row?.artifactDir ? row.registeredBy : null,
        registeredAt: row?.artifactDir ? row.createdAt.toISOString() : null,
        projects: flags.filter((flag) => flag.value === entry.version).length,
        indexPresent: indexes.has(indexName(entry.column)),
        ddl: (row?.ddl as unknown as DdlStatement[] | undefined) ?? [],
        dimensionProduced: entry.dimensionProduced,
        dimensionStored: entry.dimensionStored,
        column: entry.column,
        threshold: entry.threshold,
        tokenizer: entry.tokenizer.kind,
        artifactBytes: fs.existsSync(entry.artifactPath) ? fs.statSync(entry.artifactPath).size : 0,
        indexedRecords: stats.byModel[entry.column] ?? 0,
        evaluation: evaluations[i]!.rows,
      };
    }),
  };
}
