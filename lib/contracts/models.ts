import { z } from "zod";

const evaluationRowSchema = z.object({
  dims: z.number().int(),
  threshold: z.number(),
  precision: z.number(),
  recall: z.number(),
  recallAtP95: z.number(),
  auc: z.number(),
});

export const modelSummarySchema = z.object({
  version: z.string(),
  description: z.string().nullable(),
  status: z.enum(["stable", "next", "retired"]),
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
