import { z } from "zod";

/** An operation as its readers need it: a name and at least one documented answer. */
const operationSchema = z.object({
  operationId: z.string().optional(),
  summary: z.string().optional(),
  /** Optional in OpenAPI 3.1; every operation of regroup documents its answers. */
  responses: z.record(z.string(), z.object({ description: z.string() })).optional(),
});

const pathItemSchema = z.object({
  get: operationSchema.optional(),
  put: operationSchema.optional(),
  post: operationSchema.optional(),
  patch: operationSchema.optional(),
  delete: operationSchema.optional(),
  options: operationSchema.optional(),
});

/** The parts of an OpenAPI 3.x document its readers rely on (GET /api/openapi.json); the rest passes through. */
export const openApiDocumentSchema = z.object({
  openapi: z.string().regex(/^3\.\d+\.\d+$/),
  info: z.object({ title: z.string(), version: z.string(), description: z.string().optional() }),
  paths: z.record(z.string(), pathItemSchema),
});

export type OpenApiDocument = z.infer<typeof openApiDocumentSchema>;
