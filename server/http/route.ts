import "server-only";
import type { z } from "zod";
import type { Role } from "@/lib/auth/roles";
import {
  isRaw,
  type BodyOf,
  type Endpoint,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
} from "@/lib/contracts/endpoint";
import type { SessionUser } from "../auth/session";
import { logger } from "../logger";
import { withCors } from "./cors";
import { HttpError } from "./errors";
import { readInput, type NextContext } from "./input";
import { Reply } from "./reply";
import { assertMatchesContract, checksResponses } from "./response-check";

/**
 * The one wrapper every route handler goes through, built from the endpoint's entry in the table
 * (lib/contracts/endpoints): checks who may call it (a session with a role, a signed machine-to-machine call, a
 * Sentry SDK, or anyone), rejects cross-site mutations of the console, parses params, query and body with zod, sends
 * the handler's typed answer (checked against the response schema in development and tests), and maps thrown
 * HttpErrors to `{ error: { code, message } }`; an unexpected error never leaks details.
 */

/** What a handler gets: the parsed input, and the user (never null on a role endpoint, always null otherwise). */
export interface RouteInput<E extends Endpoint> {
  request: Request;
  params: ParamsOf<E>;
  query: QueryOf<E>;
  body: BodyOf<E>;
  user: E["access"] extends Role ? SessionUser : null;
}

/** What a handler returns: its endpoint's response (or a Reply of it); a raw endpoint returns a Response. */
export type RouteResult<E extends Endpoint> = E["response"] extends z.ZodType
  ? ResponseOf<E> | Reply<ResponseOf<E>>
  : Response;

/** A Next.js route handler, with the endpoint it serves (read by the authorization matrix test). */
export type RouteHandler = ((request: Request, context?: NextContext) => Promise<Response>) & { endpoint: Endpoint };

export function errorResponse(
  status: number,
  code: string,
  message: string,
  details?: unknown,
  headers?: Record<string, string>,
  envelope?: Record<string, unknown>,
): Response {
  const error = { code, message, ...(details === undefined ? {} : { details }) };
  return Response.json({ ...envelope, error }, { status, headers });
}

function toResponse(endpoint: Endpoint, result: unknown): Response {
  const response = endpoint.response;
  if (isRaw(response)) {
    if (result instanceof Response) return result;
    throw new Error(`${endpoint.method} ${endpoint.path} must answer with a Response (${response.description})`);
  }
  const answer = result instanceof Reply ? result : new Reply(result);
  const json = JSON.stringify(answer.body);
  if (checksResponses()) assertMatchesContract({ ...endpoint, response }, json);
  return new Response(json, {
    status: answer.status ?? endpoint.status ?? 200,
    headers: { "content-type": "application/json", ...answer.headers },
  });
}

function errorToResponse(error: unknown, request: Request): Response {
  if (error instanceof HttpError) {
    if (error.status >= 500) logger.error("route failed", { path: new URL(request.url).pathname, error });
    return errorResponse(error.status, error.code, error.message, error.details, error.headers, error.envelope);
  }
  logger.error("unhandled error in route", { method: request.method, path: new URL(request.url).pathname, error });
  return errorResponse(500, "internal_error", "Something went wrong on the server; it has been logged.");
}

/** Builds the Next.js route handler of an endpoint of the table from a handler typed by that endpoint. */
export function defineRoute<const E extends Endpoint>(
  endpoint: E,
  handler: (input: RouteInput<E>) => Promise<RouteResult<E>>,
): RouteHandler {
  // Sentry SDKs call from any origin: every answer of theirs, errors included, carries the CORS headers.
  const finish = endpoint.access === "ingest" ? withCors : (response: Response) => response;
  const route = async (request: Request, context?: NextContext): Promise<Response> => {
    try {
      const input = (await readInput(endpoint, request, context)) as RouteInput<E>;
      return finish(toResponse(endpoint, await handler(input)));
    } catch (error) {
      return finish(errorToResponse(error, request));
    }
  };
  return Object.assign(route, { endpoint });
}
