import type { z } from "zod";

/** An API error as the route wrapper sends it: `{ error: { code, message, details? } }`. */
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

/** Fetches JSON from the console's API and checks it against the contract's response schema. */
export async function fetchJson<T extends z.ZodType>(url: string, schema: T, init?: RequestInit): Promise<z.infer<T>> {
  const response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "http_error",
      error?.message ?? `The server answered ${response.status}.`,
      error?.details,
    );
  }
  return schema.parse(payload);
}
