/**
 * What crosses between a worker thread (serve-requests.ts) and its client (request-thread.ts): data only, no
 * functions. Errors cross as their name, message and stack, with the fields a client needs to rebuild its own class.
 */

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** Fields of the error that its client rebuilds it with (PostgreSQL's code, detail, constraint, …). */
  fields?: Record<string, unknown>;
}

/** What a worker is started with: the module it runs, and that module's options. */
export interface ThreadData<Options> {
  module: string;
  options: Options;
}

/** The worker's first message: it is ready (or why it could not start). */
export type Ready = { ready: true } | { ready: false; error: SerializedError };

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

export function serializeError(error: unknown, fields?: (error: Error) => Record<string, unknown> | undefined) {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) } satisfies SerializedError;
  const serialized: SerializedError = { name: error.name, message: error.message, stack: error.stack };
  const extra = fields?.(error);
  if (extra) serialized.fields = extra;
  return serialized;
}
