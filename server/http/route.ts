import "server-only";
import type { z } from "zod";
import { hasRole, type Role } from "@/lib/auth/roles";
import { isCrossOrigin, isMutation } from "../auth/request-meta";
import { sessionTokenFromCookieHeader, userOfSession, type SessionUser } from "../auth/session";
import { logger } from "../logger";
import { readBodyBytes, utf8Text } from "./body";
import { ForbiddenError, HttpError, UnauthenticatedError, ValidationError } from "./errors";
import { isMachineAccess, verifyMachineCall, type MachineAccess } from "./machine-access";

/**
 * The one wrapper every route handler goes through: checks who may call it (a session with a role, a signed
 * machine-to-machine call, or anyone), rejects cross-site mutations, parses params, query and body with zod,
 * and maps thrown HttpErrors to `{ error: { code, message } }`; an unexpected error never leaks details.
 */
/**
 * "ingest": the Sentry SDK endpoints, authenticated by the project's DSN key (server/ingest/transport);
 * MachineAccess: signed machine-to-machine calls (server/http/machine-access.ts).
 */
export type Access = "public" | MachineAccess | "ingest" | Role;
type RouteAccess = Exclude<Access, "ingest">;

interface RouteSpec<Params, Query, Body> {
  /** Who may call: "public", a MachineAccess (Rpcsignature of the body), or the least role a session needs. */
  access: RouteAccess;
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
  /** The signed-in user (always set for role access, null otherwise). */
  user: SessionUser | null;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

type NextContext = { params: Promise<Record<string, string | string[]>> };

/** A route handler that says who may call it (read by the authorization matrix test). */
export type RouteHandler = ((request: Request, context?: NextContext) => Promise<Response>) & { access: Access };

const DEFAULT_MAX_BODY = 1024 * 1024;

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

function describeIssues(where: string, issues: z.core.$ZodIssue[]): ValidationError {
  const parts = issues.map((issue) => `${issue.path.length ? issue.path.join(".") : where}: ${issue.message}`);
  return new ValidationError(
    `Invalid ${where}: ${parts.join("; ")}`,
    issues.map((i) => ({ path: i.path, message: i.message })),
  );
}

function parseWith<T>(schema: T, value: unknown, where: string): Infer<T> {
  if (!schema) return undefined as Infer<T>;
  const result = (schema as unknown as z.ZodType).safeParse(value);
  if (!result.success) throw describeIssues(where, result.error.issues);
  return result.data as Infer<T>;
}

function parseJson(text: string): unknown {
  if (!text.trim()) throw new ValidationError("The request body is empty; a JSON object was expected.");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`The request body is not valid JSON: ${(error as Error).message}`);
  }
}

async function authorize(request: Request, access: RouteAccess): Promise<SessionUser | null> {
  if (isMachineAccess(access)) return null;
  if (isMutation(request) && isCrossOrigin(request)) {
    throw new ForbiddenError("Cross-site requests may not change anything here.", "cross_origin");
  }
  if (access === "public") return null;
  const user = await userOfSession(sessionTokenFromCookieHeader(request.headers.get("cookie")));
  if (!user) throw new UnauthenticatedError();
  if (!hasRole(user.role, access)) {
    throw new ForbiddenError(`This needs the ${access} role; you are signed in as a ${user.role}.`);
  }
  return user;
}

/** Builds a Next.js route handler from a spec and a handler that returns a JSON-able value or a Response. */
export function defineRoute<
  Params extends z.ZodType | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
>(
  spec: RouteSpec<Params, Query, Body>,
  handler: (input: RouteInput<Infer<Params>, Infer<Query>, Infer<Body>>) => Promise<unknown>,
): RouteHandler {
  const route = async (request: Request, context?: NextContext): Promise<Response> => {
    try {
      const user = await authorize(request, spec.access);
      const needsBody = spec.body !== undefined || isMachineAccess(spec.access);
      // Read within the limit as it streams (413 at the first byte past it); a signature covers the raw bytes.
      const raw = needsBody ? await readBodyBytes(request, spec.maxBodyBytes ?? DEFAULT_MAX_BODY) : Buffer.alloc(0);
      if (isMachineAccess(spec.access)) verifyMachineCall(spec.access, raw, request);
      const text = utf8Text(raw);
      const params = parseWith(spec.params as Params, context ? await context.params : {}, "path parameters");
      const query = parseWith(spec.query as Query, Object.fromEntries(new URL(request.url).searchParams), "query");
      const body = parseWith(spec.body as Body, spec.body ? parseJson(text) : undefined, "body");
      const result = await handler({ request, params, query, body, user });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      if (error instanceof HttpError) {
        return errorResponse(error.status, error.code, error.message, error.details, error.headers, error.envelope);
      }
      logger.error("unhandled error in route", { method: request.method, path: new URL(request.url).pathname, error });
      return errorResponse(500, "internal_error", "Something went wrong on the server; it has been logged.");
    }
  };
  return Object.assign(route, { access: spec.access });
}
