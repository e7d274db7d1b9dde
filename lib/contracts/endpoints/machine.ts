import { z } from "zod";
import { endpoint, rawBody, rawResponse } from "../endpoint";
import {
  bulkCreateRequestSchema,
  bulkCreateResponseSchema,
  deleteByHashRequestSchema,
  groupingDeleteResponseSchema,
  groupingStatsRequestSchema,
  groupingStatsResponseSchema,
  similarIssuesRequestSchema,
  similarIssuesResponseSchema,
} from "../grouping";
import { embedRequestSchema, embedResponseSchema } from "../inference";
import {
  ingestProjectParamsSchema,
  ingestResponseSchema,
  sentryKeyQuerySchema,
  sentryPixelQuerySchema,
} from "../ingest";

const SEER_ROOT = "/v0/issues/similar-issues";

/**
 * Seer's similar-issues API, served at the host's root (where Sentry calls it) and under /api. Sentry sends the two
 * deletes unsigned, hence their "signed-or-trusted-network".
 */
export const groupingEndpoints = {
  similarIssues: endpoint({
    method: "POST",
    path: SEER_ROOT,
    alsoAt: [`/api${SEER_ROOT}`],
    summary: "Seer's similar-issues call: the nearest known issue of a stacktrace, and whether to group with it.",
    tag: "grouping (Seer-compatible)",
    access: "signed",
    body: similarIssuesRequestSchema,
    response: similarIssuesResponseSchema,
  }),
  bulkCreateRecords: endpoint({
    method: "POST",
    path: `${SEER_ROOT}/grouping-record`,
    alsoAt: [`/api${SEER_ROOT}/grouping-record`],
    summary: "Creates grouping records in bulk (Sentry's backfill).",
    tag: "grouping (Seer-compatible)",
    access: "signed",
    body: bulkCreateRequestSchema,
    response: bulkCreateResponseSchema,
    maxBodyBytes: 8 * 1024 * 1024,
  }),
  deleteProjectRecords: endpoint({
    method: "GET",
    path: `${SEER_ROOT}/grouping-record/delete/[project_id]`,
    alsoAt: [`/api${SEER_ROOT}/grouping-record/delete/[project_id]`],
    summary: "Deletes every grouping record of a project.",
    tag: "grouping (Seer-compatible)",
    access: "signed-or-trusted-network",
    params: z.object({ project_id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
    response: groupingDeleteResponseSchema,
  }),
  deleteRecordsByHash: endpoint({
    method: "POST",
    path: `${SEER_ROOT}/grouping-record/delete-by-hash`,
    alsoAt: [`/api${SEER_ROOT}/grouping-record/delete-by-hash`],
    summary: "Deletes a project's grouping records of the given hashes.",
    tag: "grouping (Seer-compatible)",
    access: "signed-or-trusted-network",
    body: deleteByHashRequestSchema,
    response: groupingDeleteResponseSchema,
  }),
  groupingStats: endpoint({
    method: "POST",
    path: `/api${SEER_ROOT}/grouping-record/stats`,
    summary: "How big the AI grouping index is (regroup's own, for load tests and operators).",
    tag: "grouping (Seer-compatible)",
    access: "signed",
    body: groupingStatsRequestSchema,
    response: groupingStatsResponseSchema,
  }),
  embed: endpoint({
    method: "POST",
    path: "/api/embed",
    summary: "Embeddings of up to 64 texts with a registered model (what INFERENCE_URL points at).",
    tag: "inference",
    access: "signed",
    body: embedRequestSchema,
    response: embedResponseSchema,
    maxBodyBytes: 4 * 1024 * 1024,
  }),
};

const eventBody = rawBody(
  "One event as JSON (gzip, deflate or br Content-Encoding; or base64 of zlib, as old SDKs send it), or an envelope " +
    "when the Content-Type is application/x-sentry-envelope.",
  ["application/json", "application/x-sentry-envelope"],
);
const envelopeBody = rawBody(
  "A Sentry envelope (header line, then items); its event item is stored, the other items dropped.",
  ["application/x-sentry-envelope"],
);
const pixel = rawResponse("A transparent 1×1 GIF.", ["image/gif"]);
const preflight = rawResponse("The CORS preflight answer: any origin may send events.", [], 204);

/**
 * The Sentry SDK endpoints, authenticated by the project's DSN public key (X-Sentry-Auth, ?sentry_key= or the
 * envelope header's dsn), from any origin.
 */
export const ingestEndpoints = {
  sendEnvelope: endpoint({
    method: "POST",
    path: "/api/[project_id]/envelope",
    summary: "Receives an envelope from a Sentry SDK.",
    tag: "ingest (Sentry SDKs)",
    access: "ingest",
    params: ingestProjectParamsSchema,
    query: sentryKeyQuerySchema,
    body: envelopeBody,
    response: ingestResponseSchema,
  }),
  envelopePreflight: endpoint({
    method: "OPTIONS",
    path: "/api/[project_id]/envelope",
    summary: "CORS preflight of the envelope endpoint.",
    tag: "ingest (Sentry SDKs)",
    access: "ingest",
    params: ingestProjectParamsSchema,
    response: preflight,
  }),
  storeEvent: endpoint({
    method: "POST",
    path: "/api/[project_id]/store",
    summary: "Receives one event (Sentry's legacy store endpoint).",
    tag: "ingest (Sentry SDKs)",
    access: "ingest",
    params: ingestProjectParamsSchema,
    query: sentryKeyQuerySchema,
    body: eventBody,
    response: ingestResponseSchema,
  }),
  storeEventPixel: endpoint({
    method: "GET",
    path: "/api/[project_id]/store",
    summary: "Receives one event in the query (the legacy image-tag form), answered with an image.",
    tag: "ingest (Sentry SDKs)",
    access: "ingest",
    params: ingestProjectParamsSchema,
    query: sentryPixelQuerySchema,
    response: pixel,
  }),
  storePreflight: endpoint({
    method: "OPTIONS",
    path: "/api/[project_id]/store",
    summary: "CORS preflight of the store endpoint.",
    tag: "ingest (Sentry SDKs)",
    access: "ingest",
    params: ingestProjectParamsSchema,
    response: preflight,
  }),
  keyStoreEvent: endpoint({
    method: "POST",
    path: "/api/store",
    summary: "Receives one event at the legacy path without a project id: the key names the project.",
    tag: "ingest (Sentry SDKs)",
    access: "ingest",
    query: sentryKeyQuerySchema,
    body: eventBody,
    response: ingestResponseSchema,
  }),
  keyStoreEventPixel: endpoint({
    method: "GET",
    path: "/api/store",
    summary: "The image-tag form of the legacy path without a project id.",
    tag: "ingest (Sentry SDKs)",
    access: "ingest",
    query: sentryPixelQuerySchema,
    response: pixel,
  }),
  keyStorePreflight: endpoint({
    method: "OPTIONS",
    path: "/api/store",
    summary: "CORS preflight of the legacy store path.",
    tag: "ingest (Sentry SDKs)",
    access: "ingest",
    response: preflight,
  }),
};
