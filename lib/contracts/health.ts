import { z } from "zod";

export const healthResponseSchema = z.object({
  status: z.literal("ok"),
  db: z.literal("ok"),
  /**
   * Whether the embedding models are loaded (server/inference/warm-up.ts). Informative only: the answer stays 200
   * while they warm, since the database is what decides whether regroup can serve.
   */
  models: z.enum(["cold", "warming", "ready", "failed"]),
  version: z.string(),
  /** The ingest inbox: events accepted and not grouped yet, and how long the oldest has waited. */
  inbox: z.object({ depth: z.number().int().min(0), lagSeconds: z.number().min(0) }),
});

export type HealthResponse = z.infer<typeof healthResponseSchema>;
