import "server-only";
import { createDocument, type ZodOpenApiPathsObject, type oas31 } from "zod-openapi";
import { pathsOf } from "@/lib/contracts/endpoint";
import { endpoints } from "@/lib/contracts/endpoints";
import { apiErrorResponseSchema } from "@/lib/contracts/errors";
import { version } from "../version";
import { operationOf } from "./operation";
import { securitySchemes } from "./security";

/** "/api/users/[id]" → "/api/users/{id}". */
export function openApiPath(path: string): string {
  return path.replace(/\[(\w+)\]/g, "{$1}");
}

/** The operationId of an endpoint at one of its other paths (Seer's API under /api). */
function aliasId(name: string, primary: string, alias: string): string {
  return alias === `/api${primary}`
    ? `${name}UnderApi`
    : `${name}At${alias.replace(/\W+(\w?)/g, (_, c: string) => c.toUpperCase())}`;
}

function paths(): ZodOpenApiPathsObject {
  const result: ZodOpenApiPathsObject = {};
  for (const [name, endpoint] of Object.entries(endpoints)) {
    for (const path of pathsOf(endpoint)) {
      const id = path === endpoint.path ? name : aliasId(name, endpoint.path, path);
      const item = (result[openApiPath(path)] ??= {});
      item[endpoint.method.toLowerCase() as "get"] = operationOf(id, endpoint);
    }
  }
  return result;
}

let document: oas31.OpenAPIObject | undefined;

/**
 * The OpenAPI 3.1 document of every endpoint of the table: the console's API, Seer's similar-issues API (at the
 * host's root and under /api) and the Sentry SDK endpoints, with their schemas and how each is authenticated. Made
 * once per process.
 */
export function openApiDocument(): oas31.OpenAPIObject {
  document ??= createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "regroup",
        version,
        description:
          "The grouping service (compatible with Seer's similar-issues API), the Sentry SDK ingest endpoints and the " +
          "review-and-rollout console's API. Errors are `{ error: { code, message } }`.",
      },
      paths: paths(),
      components: { securitySchemes, schemas: { ApiError: apiErrorResponseSchema } },
    },
    { reused: "inline" },
  );
  return document;
}
