import { z } from "zod";

/**
 * The Sentry SDK endpoints (server/ingest/transport): what the OpenAPI document says of them. Their bodies are read
 * by the transport itself (compressed JSON, envelopes), and a project id that is not a number is answered 404 there,
 * so the schemas here accept any string.
 */
export const ingestProjectParamsSchema = z.object({
  project_id: z.string().meta({ description: "The project's id: the number at the end of the DSN." }),
});

/** The DSN's public key may also come in the X-Sentry-Auth header or the envelope header's dsn. */
export const sentryKeyQuerySchema = z.object({
  sentry_key: z.string().optional().meta({ description: "The DSN's public key." }),
  sentry_version: z.string().optional(),
  sentry_client: z.string().optional(),
});

/** The legacy image-tag form: the event itself rides in the query. */
export const sentryPixelQuerySchema = sentryKeyQuerySchema.extend({
  sentry_data: z
    .string()
    .optional()
    .meta({ description: "Required: the event as JSON, or base64 of its zlib-compressed JSON." }),
});

/** The id of the stored event (the one the SDK chose); empty when the envelope held no event. */
export const ingestResponseSchema = z.object({ id: z.string().optional() });

export type IngestResponse = z.infer<typeof ingestResponseSchema>;
