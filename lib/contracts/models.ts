import { z } from "zod";

const evaluationRowSchema = z.object({
  dims: z.number().int(),
  threshold: z.number(),
  precision: z.number(),
  recall: z.number(),
  recallAtP95: z.number(),
  auc: z.number(),
});

export const modelStatusSchema = z.enum(["stable", "next", "retired"]);

const ddlStatementSchema = z.object({ sql: z.string(), ranAt: z.string() });

export const modelSummarySchema = z.object({
  version: z.string(),
  description: z.string().nullable(),
  status: modelStatusSchema,
  /** Shipped with regroup (MODELS_DIR) or registered from an artifact in the console (DATA_DIR/models). */
  source: z.enum(["built-in", "registered"]),
  registeredBy: z.string().nullable(),
  registeredAt: z.string().nullable(),
  /** Projects whose grouping_model flag names this model. */
  projects: z.number().int(),
  /** Whether its HNSW index is there (a retired model's may be dropped). */
  indexPresent: z.boolean(),
  /** The DDL regroup ran on grouping_records for this model (a registered model's column and index, a dropped index). */
  ddl: z.array(ddlStatementSchema),
  dimensionProduced: z.number().int(),
  dimensionStored: z.number().int(),
  column: z.string(),
  threshold: z.number(),
  tokenizer: z.string(),
  artifactBytes: z.number().int(),
  /** Records of the grouping index that carry this model's embedding. */
  indexedRecords: z.number().int(),
  /** Evaluation (corpus dev split) from the last training run (models/<version>/… or the next model's report), if any. */
  evaluation: z.array(evaluationRowSchema),
});

export const modelListResponseSchema = z.object({
  models: z.array(modelSummarySchema),
  evaluationPairs: z.number().int().nullable(),
});

export type ModelSummary = z.infer<typeof modelSummarySchema>;
export type ModelListResponse = z.infer<typeof modelListResponseSchema>;

export const modelStatusChangeSchema = z.object({
  status: modelStatusSchema,
  reason: z.string().trim().min(1, "say why").max(500),
});

export const modelStatusChangeResponseSchema = z.object({ version: z.string(), status: modelStatusSchema });

export const dropModelIndexSchema = z.object({ reason: z.string().trim().min(1, "say why").max(500) });

export const modelDdlResponseSchema = z.object({ version: z.string(), column: z.string(), ddl: z.array(z.string()) });

export const modelVersionParamsSchema = z.object({
  version: z.string().regex(/^v\d+(\.\d+)?$/, 'a model version, e.g. "v3"'),
});

/** The largest model upload: config.json, model.onnx and tokenizer.json / evaluation.json together. */
export const MODEL_UPLOAD_MAX_BYTES = 256 * 1024 * 1024;

export type ModelStatusChange = z.infer<typeof modelStatusChangeSchema>;
export type ModelDdlResponse = z.infer<typeof modelDdlResponseSchema>;
