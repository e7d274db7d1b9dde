import "server-only";
import type { z } from "zod";
import { hasRole } from "@/lib/auth/roles";
import { isMachineAccess, isRaw, type Access, type Endpoint } from "@/lib/contracts/endpoint";
import { isCrossOrigin, isMutation } from "../auth/request-meta";
import { sessionTokenFromCookieHeader, userOfSession, type SessionUser } from "../auth/session";
import { readBodyBytes, utf8Text } from "./body";
import { ForbiddenError, UnauthenticatedError, ValidationError } from "./errors";
import { verifyMachineCall } from "./machine-access";

export type NextContext = { params: Promise<Record<string, string | string[]>> };

/** What the wrapper hands a handler, untyped (route.ts types it from the endpoint). */
export interface ParsedInput {
  request: Request;
  params: unknown;
  query: unknown;
  body: unknown;
  user: SessionUser | null;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

function describeIssues(where: string, issues: z.core.$ZodIssue[]): ValidationError {
  const parts = issues.map((issue) => `${issue.path.length ? issue.path.join(".") : where}: ${issue.message}`);
  return new ValidationError(
    `Invalid ${where}: ${parts.join("; ")}`,
    issues.map((i) => ({ path: i.path, message: i.message })),
  );
}

function parseWith(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw describeIssues(where, result.error.issues);
  return result.data;
}

function parseJson(text: string): unknown {
  if (!text.trim()) throw new ValidationError("The request body is empty; a JSON object was expected.");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Who is calling, as far as the wrapper checks it: machine calls are checked against their body later, Sentry SDKs
 * by the ingest transport (any origin, key in the request); the console refuses cross-site mutations, and a role
 * route needs a session whose user has the role.
 */
async function authorize(request: Request, access: Access): Promise<SessionUser | null> {
  if (isMachineAccess(access) || access === "ingest") return null;
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

/** Authorizes the call and parses its path parameters, query and JSON body with the endpoint's schemas. */
export async function readInput(endpoint: Endpoint, request: Request, context?: NextContext): Promise<ParsedInput> {
  const user = await authorize(request, endpoint.access);
  const jsonBody = endpoint.body && !isRaw(endpoint.body) ? endpoint.body : undefined;
  const machine = isMachineAccess(endpoint.access);
  // Read within the limit as it streams (413 at the first byte past it); a signature covers the raw bytes.
  const needsBody = jsonBody !== undefined || machine;
  const raw = needsBody ? await readBodyBytes(request, endpoint.maxBodyBytes ?? DEFAULT_MAX_BODY) : Buffer.alloc(0);
  if (isMachineAccess(endpoint.access)) verifyMachineCall(endpoint.access, raw, request);
  const params = parseWith(endpoint.params, context ? await context.params : {}, "path parameters");
  const query = parseWith(endpoint.query, Object.fromEntries(new URL(request.url).searchParams), "query");
  const body = jsonBody ? parseWith(jsonBody, parseJson(utf8Text(raw)), "body") : undefined;
  return { request, params, query, body, user };
}
