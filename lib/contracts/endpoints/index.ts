import { endpoint, type Endpoint } from "../endpoint";
import { consoleEndpoints } from "./console";
import { groupingSettingsEndpoints } from "./grouping-settings";
import { issueEndpoints } from "./issues";
import { groupingEndpoints, ingestEndpoints } from "./machine";
import { projectEndpoints } from "./projects";
import { reviewEndpoints } from "./review";
import { openApiDocumentSchema } from "../openapi";
import { rolloutEndpoints } from "./rollout";

/**
 * The endpoint table: every route of regroup's HTTP API, once. The route wrapper (defineRoute), the client (api),
 * the authorization matrix test and the OpenAPI document all read it; the key is the endpoint's name (its
 * OpenAPI operationId). Adding an endpoint is an entry here, a handler, and its route file under app/.
 */
export const endpoints = {
  ...consoleEndpoints,
  ...issueEndpoints,
  ...projectEndpoints,
  ...groupingSettingsEndpoints,
  ...reviewEndpoints,
  ...rolloutEndpoints,
  ...groupingEndpoints,
  ...ingestEndpoints,
  openApiDocument: endpoint({
    method: "GET",
    path: "/api/openapi.json",
    summary: "This document: every endpoint of the table, with its schemas and how it is authenticated.",
    tag: "operations",
    access: "public",
    response: openApiDocumentSchema,
  }),
} satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
