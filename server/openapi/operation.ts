import "server-only";
import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { isRaw, isRoleAccess, type Endpoint } from "@/lib/contracts/endpoint";
import { apiErrorResponseSchema } from "@/lib/contracts/errors";
import { securityOf } from "./security";

const errorContent = { "application/json": { schema: apiErrorResponseSchema } };
const anyBytes = z.string().meta({ format: "binary" });

/** The error answers an endpoint can give, from what it takes and who may call it. */
function errorResponses(endpoint: Endpoint): ZodOpenApiResponsesObject {
  const errors: ZodOpenApiResponsesObject = {};
  const takesInput = endpoint.params || endpoint.query || endpoint.body;
  if (takesInput)
    errors["400"] = {
      description: "The input is not valid; the message names each offending path.",
      content: errorContent,
    };
  if (endpoint.access !== "public") errors["401"] = { description: "Not authenticated.", content: errorContent };
  if (isRoleAccess(endpoint.access) || (endpoint.access === "public" && endpoint.method !== "GET")) {
    errors["403"] = { description: "The role is not enough, or a cross-site request.", content: errorContent };
  }
  if (endpoint.body) errors["413"] = { description: "The body is over the limit.", content: errorContent };
  errors.default = { description: "An error, as `{ error: { code, message } }`.", content: errorContent };
  return errors;
}

function successResponse(endpoint: Endpoint): ZodOpenApiResponsesObject {
  const response = endpoint.response;
  if (!isRaw(response)) {
    return {
      [String(endpoint.status ?? 200)]: { description: "OK", content: { "application/json": { schema: response } } },
    };
  }
  const content = Object.fromEntries(response.contentTypes.map((type) => [type, { schema: anyBytes }]));
  return {
    [String(response.status)]: {
      description: response.description,
      ...(response.contentTypes.length ? { content } : {}),
    },
  };
}

function requestBody(endpoint: Endpoint): ZodOpenApiOperationObject["requestBody"] {
  const body = endpoint.body;
  if (!body) return undefined;
  if (!isRaw(body)) {
    const limit = `At most ${endpoint.maxBodyBytes ?? 1024 * 1024} bytes.`;
    return { required: true, description: limit, content: { "application/json": { schema: body } } };
  }
  return {
    required: true,
    description: body.description,
    content: Object.fromEntries(body.contentTypes.map((type) => [type, { schema: anyBytes }])),
  };
}

/** The OpenAPI operation of an endpoint of the table (its operationId is its name in the table). */
export function operationOf(name: string, endpoint: Endpoint): ZodOpenApiOperationObject {
  const { security, who } = securityOf(endpoint.access);
  return {
    operationId: name,
    summary: endpoint.summary,
    description: who,
    tags: [endpoint.tag],
    security,
    "x-regroup-access": endpoint.access,
    requestParams: {
      ...(endpoint.params ? { path: endpoint.params } : {}),
      ...(endpoint.query ? { query: endpoint.query } : {}),
    },
    ...(endpoint.body ? { requestBody: requestBody(endpoint) } : {}),
    responses: { ...successResponse(endpoint), ...errorResponses(endpoint) },
  };
}
