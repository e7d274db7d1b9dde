import type { z } from "zod";
import { roles, type Role } from "../auth/roles";

/**
 * How an endpoint of the table (lib/contracts/endpoints) is described: plain data and zod schemas, read by the route
 * wrapper (server/http/route.ts), the client (lib/queries/api.ts), the authorization matrix test and the OpenAPI
 * document. Isomorphic: nothing here may import node: modules or server code.
 */

/** Machine-to-machine access: the Rpcsignature of the body, or (for Sentry's unsigned deletes) a trusted network. */
export type MachineAccess = "signed" | "signed-or-trusted-network";

/**
 * Who may call: anyone ("public"), a signed machine ("signed", "signed-or-trusted-network"), a Sentry SDK with the
 * project's DSN key from any origin ("ingest"), or a signed-in user with at least this role.
 */
export type Access = "public" | MachineAccess | "ingest" | Role;

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

export function isMachineAccess(access: Access): access is MachineAccess {
  return access === "signed" || access === "signed-or-trusted-network";
}

export function isRoleAccess(access: Access): access is Role {
  return (roles as readonly string[]).includes(access);
}

/** A body the handler reads itself (the SDK endpoints: compressed JSON or envelopes), documented by content type. */
export interface RawBody {
  readonly kind: "raw";
  readonly contentTypes: readonly string[];
  readonly description: string;
}

/** An answer that is not JSON: a file, an image, or nothing (a CORS preflight). */
export interface RawResponse {
  readonly kind: "raw";
  readonly status: number;
  /** Empty for an answer without a body. */
  readonly contentTypes: readonly string[];
  readonly description: string;
}

export function rawBody(description: string, contentTypes: readonly string[]): RawBody {
  return { kind: "raw", contentTypes, description };
}

export function rawResponse(description: string, contentTypes: readonly string[], status = 200): RawResponse {
  return { kind: "raw", contentTypes, description, status };
}

/** One endpoint: where it is, who may call it, what it takes and what it answers. */
export interface Endpoint {
  readonly method: HttpMethod;
  /** Next.js's form, as the folder under app/: "/api/users/[id]". */
  readonly path: string;
  /** Other paths that serve the same endpoint (Seer's API answers at the host's root and under /api). */
  readonly alsoAt?: readonly string[];
  /** One line for the API's readers (OpenAPI summary). */
  readonly summary: string;
  /** The group it is listed under in the OpenAPI document. */
  readonly tag: string;
  readonly access: Access;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType | RawBody;
  readonly response: z.ZodType | RawResponse;
  /** The status of a successful JSON answer; 200 unless said otherwise. */
  readonly status?: number;
  /** Largest accepted body; 1 MiB unless said otherwise. */
  readonly maxBodyBytes?: number;
}

/** "/api/users/[id]/x/[name]" → "id" | "name". */
export type PathParamNames<Path extends string> = Path extends `${string}[${infer Name}]${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;

/** A path with [segments] needs a params schema naming each of them; a path without any takes none. */
type ParamsOfPath<Path extends string> = [PathParamNames<Path>] extends [never]
  ? { readonly params?: undefined }
  : { readonly params: z.ZodObject & { readonly shape: Record<PathParamNames<Path>, z.ZodType> } };

/** Declares an endpoint of the table, keeping its literal types (method, path, access) for inference. */
export function endpoint<const E extends Endpoint>(spec: E & ParamsOfPath<E["path"]>): E {
  return spec;
}

/** The JSON endpoints (those the client can call and whose answers are checked against a schema). */
export type JsonEndpoint = Endpoint & { readonly response: z.ZodType };

/** The endpoints that answer with something else than JSON (their handlers return a Response). */
export type RawEndpoint = Endpoint & { readonly response: RawResponse };

/**
 * The JSON answer of an endpoint, by indexed access rather than a conditional type, so that a handler contextually
 * typed by it keeps its literals ("ok" stays "ok" while the endpoint's type is still being inferred).
 */
export type JsonResponseOf<E extends JsonEndpoint> = E["response"]["_zod"]["output"];

type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Input fields whose input type zod leaves `unknown` (z.coerce) take their output type: a path or query value. */
type Coerced<In, Out> = { [K in keyof In]: unknown extends In[K] ? (K extends keyof Out ? Out[K] : never) : In[K] };

/** What a caller passes for a params or query schema (a number for a coerced number, not `unknown`). */
export type ValuesInput<S> = S extends z.ZodType ? Coerced<z.input<S>, z.output<S>> : undefined;

/** The parsed path parameters, query, body and JSON answer of an endpoint. */
export type ParamsOf<E extends Endpoint> = OutputOf<E["params"]>;
export type QueryOf<E extends Endpoint> = OutputOf<E["query"]>;
export type BodyOf<E extends Endpoint> = OutputOf<E["body"]>;
export type ResponseOf<E extends Endpoint> = OutputOf<E["response"]>;

/** The body a caller sends (defaults may be left out). */
export type BodyInput<E extends Endpoint> = E["body"] extends z.ZodType ? z.input<E["body"]> : undefined;

/** Every path an endpoint answers at. */
export function pathsOf(endpoint: Endpoint): readonly string[] {
  return [endpoint.path, ...(endpoint.alsoAt ?? [])];
}

/** The names of the [segments] of a path, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\[(\w+)\]/g)].map((match) => match[1]!);
}

/** Whether a body or response is raw (described by content types) rather than a zod schema. */
export function isRaw(part: z.ZodType | RawBody | RawResponse | undefined): part is RawBody | RawResponse {
  return part !== undefined && !("_zod" in part);
}
