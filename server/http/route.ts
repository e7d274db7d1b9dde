import "server-only";
import type { Role } from "@/lib/auth/roles";
import {
  isRaw,
  type BodyOf,
  type Endpoint,
  type JsonEndpoint,
  type JsonResponseOf,
  type ParamsOf,
  type QueryOf,
  type RawEndpoint,
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

/** What a JSON endpoint's handler returns: its endpoint's response, or a Reply of it. */
export type JsonResult<E extends JsonEndpoint> = JsonResponseOf<E> | Reply<JsonResponseOf<E>>;

/** A Next.js route handler, with the endpoint it serves (read by the authorization matrix test). */
export type RouteHandler = ((request: Request, context?: NextContext) => Promise<Response>) & { endpoint: Endpoint };

function errorResponse(
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

function errorToResponse(endpoint: Endpoint, error: unknown, request: Request): Response {
  if (error instanceof HttpError) {
    if (error.status >= 500) logger.error("route failed", { path: new URL(request.url).pathname, error });
    return errorResponse(error.status, error.code, error.message, error.details, error.headers, error.envelope);
  }
  const where = endpoint.access === "ingest" ? "ingest route" : "route";
  logger.error(`unhandled error in ${where}`, { method: request.method, path: new URL(request.url).pathname, error });
  return errorResponse(500, "internal_error", "Something went wrong on the server; it has been logged.");
}

/**
 * Builds the Next.js route handler of an endpoint of the table from a handler typed by that endpoint: a JSON endpoint's
 * handler returns its response (checked by tsc, and against the schema in development and tests), a raw endpoint's
 * handler a Response.
 */
export function defineRoute<const E extends JsonEndpoint>(
  endpoint: E,
  handler: (input: RouteInput<E>) => Promise<JsonResult<E>>,
): RouteHandler;
export function defineRoute<const E extends RawEndpoint>(
  endpoint: E,
  handler: (input: RouteInput<E>) => Promise<Response>,
): RouteHandler;
export function defineRoute(endpoint: Endpoint, handler: (input: never) => Promise<unknown>): RouteHandler {
  // Sentry SDKs call from any origin: every answer of theirs, errors included, carries the CORS headers.
  const finish = endpoint.access === "ingest" ? withCors : (response: Response) => response;
  const route = async (request: Request, context?: NextContext): Promise<Response> => {
    try {
      const input = await readInput(endpoint, request, context);
      return finish(toResponse(endpoint, await handler(input as never)));
    } catch (error) {
      return finish(errorToResponse(endpoint, error, request));
    }
  };
  return Object.assign(route, { endpoint });
}
