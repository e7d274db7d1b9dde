import type { z } from "zod";
import type { BodyInput, JsonEndpoint, ResponseOf, ValuesInput } from "../contracts/endpoint";
import { endpointUrl } from "./url";

/** An API error as the route wrapper sends it: `{ error: { code, message } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the server said beyond the message, e.g. the `{ path, message }` issues of a validation error. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A part of a call: required when the endpoint needs it, optional when all of it may be left out, absent if none. */
type Slot<Name extends string, T> = [T] extends [undefined]
  ? { [K in Name]?: never }
  : Partial<T> extends T
    ? { [K in Name]?: T }
    : { [K in Name]: T };

/** What a call to an endpoint takes: its path parameters, query and body as the table types them. */
export type CallOptions<E extends JsonEndpoint> = Slot<"params", ValuesInput<E["params"]>> &
  Slot<"query", ValuesInput<E["query"]>> &
  Slot<"body", BodyInput<E>> & {
    /** Aborts the request (TanStack Query passes one to each query function). */
    signal?: AbortSignal;
    /** Where the API is, for callers outside the browser (scripts, tests); the page's own origin otherwise. */
    baseUrl?: string;
    /** Extra headers, for callers outside the browser (a session cookie). */
    headers?: Record<string, string>;
  };

type CallArgs<E extends JsonEndpoint> =
  Partial<CallOptions<E>> extends CallOptions<E> ? [options?: CallOptions<E>] : [options: CallOptions<E>];

function errorOf(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  return new ApiError(
    status,
    error?.code ?? "http_error",
    error?.message ?? `The server answered ${status}.`,
    error?.details,
  );
}

/**
 * Calls an endpoint of the table from the browser: builds its URL and query string, sends the body as JSON, and
 * parses the answer with the endpoint's response schema (an error answer becomes an ApiError).
 */
export async function api<E extends JsonEndpoint>(endpoint: E, ...[options]: CallArgs<E>): Promise<ResponseOf<E>> {
  const call = (options ?? {}) as {
    params?: object;
    query?: object;
    body?: unknown;
    signal?: AbortSignal;
    baseUrl?: string;
    headers?: Record<string, string>;
  };
  const headers: Record<string, string> = { accept: "application/json", ...call.headers };
  let body: string | undefined;
  if (endpoint.body) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(call.body ?? {});
  }
  const response = await fetch(`${call.baseUrl ?? ""}${endpointUrl(endpoint, call.params, call.query)}`, {
    method: endpoint.method,
    headers,
    body,
    signal: call.signal,
  });
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorOf(response.status, payload);
  return (endpoint.response as z.ZodType<ResponseOf<E>>).parse(payload);
}

/**
 * Sends files to an endpoint that takes multipart/form-data (a model upload): the browser sets the boundary; the answer
 * is parsed like api()'s.
 */
export async function apiUpload<E extends JsonEndpoint>(endpoint: E, form: FormData): Promise<ResponseOf<E>> {
  const response = await fetch(endpointUrl(endpoint), {
    method: endpoint.method,
    headers: { accept: "application/json" },
    body: form,
  });
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorOf(response.status, payload);
  return (endpoint.response as z.ZodType<ResponseOf<E>>).parse(payload);
}
