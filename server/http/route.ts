import "server-only";
import type { z } from "zod";
import { logger } from "../logger";
import { HttpError, PayloadTooLargeError, ValidationError } from "./errors";

/**
 * The one wrapper every route handler goes through: parses and validates params, query and body with zod,
 * maps thrown HttpErrors to `{ error: { code, message } }`, and never lets an unexpected error leak details.
 */
interface RouteSpec<Params, Query, Body> {
  params?: Params;
  query?: Query;
  body?: Body;
  /** Largest accepted body; 1 MiB unless said otherwise. */
  maxBodyBytes?: number;
}

interface RouteInput<Params, Query, Body> {
  request: Request;
  params: Params;
  query: Query;
  body: Body;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

type NextContext = { params: Promise<Record<string, string | string[]>> };

const DEFAULT_MAX_BODY = 1024 * 1024;

export function errorResponse(status: number, code: string, message: string, details?: unknown): Response {
  return Response.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status });
}

function describeIssues(where: string, issues: z.core.$ZodIssue[]): ValidationError {
  const parts = issues.map((issue) => {
    const at = issue.path.length ? issue.path.join(".") : where;
    return `${at}: ${issue.message}`;
  });
  return new ValidationError(`Invalid ${where}: ${parts.join("; ")}`, issues.map((i) => ({ path: i.path, message: i.message })));
}

function parseWith<T extends z.ZodType | undefined>(schema: T, value: unknown, where: string): Infer<T> {
  if (!schema) return undefined as Infer<T>;
  const result = schema.safeParse(value);
  if (!result.success) throw describeIssues(where, result.error.issues);
  return result.data as Infer<T>;
}

async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new PayloadTooLargeError(limit);
  const text = await request.text();
  if (Buffer.byteLength(text) > limit) throw new PayloadTooLargeError(limit);
  if (!text.trim()) throw new ValidationError("The request body is empty; a JSON object was expected.");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Builds a Next.js route handler from a spec and a handler that returns a JSON-able value or a Response. */
export function defineRoute<
  Params extends z.ZodType | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
>(
  spec: RouteSpec<Params, Query, Body>,
  handler: (input: RouteInput<Infer<Params>, Infer<Query>, Infer<Body>>) => Promise<unknown>,
) {
  return async (request: Request, context?: NextContext): Promise<Response> => {
    try {
      const params = parseWith(spec.params as Params, context ? await context.params : {}, "path parameters");
      const url = new URL(request.url);
      const query = parseWith(spec.query as Query, Object.fromEntries(url.searchParams), "query");
      const body = spec.body
        ? parseWith(spec.body as Body, await readJsonBody(request, spec.maxBodyBytes ?? DEFAULT_MAX_BODY), "body")
        : (undefined as Infer<Body>);
      const result = await handler({ request, params, query, body });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error.status, error.code, error.message, error.details);
      logger.error("unhandled error in route", { method: request.method, url: request.url, error });
      return errorResponse(500, "internal_error", "Something went wrong on the server; it has been logged.");
    }
  };
}
