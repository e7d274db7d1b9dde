import { z } from "zod";

// Request and response of POST /api/embed (signed like the grouping API). Shared by the route, the remote
// client (INFERENCE_URL) and tests.

export const MAX_TEXTS_PER_REQUEST = 64;

export const embedRequestSchema = z.object({
  model: z.string().trim().min(1, 'name a model, e.g. "v2"'),
  texts: z
    .array(z.string().refine((text) => text.trim().length > 0, "must not be empty"))
    .min(1, "send at least one text")
    .max(MAX_TEXTS_PER_REQUEST, `at most ${MAX_TEXTS_PER_REQUEST} texts per request`),
  dims: z.number().int().positive().optional(),
});

export const embedResponseSchema = z.object({
  model: z.string(),
  dims: z.number().int().positive(),
  embeddings: z.array(z.array(z.number())),
});

export type EmbedRequest = z.infer<typeof embedRequestSchema>;
export type EmbedResponse = z.infer<typeof embedResponseSchema>;
