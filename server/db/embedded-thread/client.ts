import "server-only";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { messages, type PGlite, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";
import type {
  QueryResult,
  Ready,
  Reply,
  Request,
  SerializedError,
  ThreadQueryOptions,
  WorkerOptions,
} from "./protocol";

/** The part of PGlite's interface that regroup and Prisma's PGlite adapter use: queries, scripts and transactions. */
export type PGliteSession = Pick<PGlite, "query" | "exec" | "transaction">;

/** Rebuilds an error from the database's thread, as PGlite's own class when it came from PostgreSQL (Prisma's adapter checks). */
function deserializeError(serialized: SerializedError): Error {
  const error = serialized.database
    ? Object.assign(new messages.DatabaseError(serialized.message, 0, "error"), serialized.database)
    : Object.assign(new Error(serialized.message), { name: serialized.name });
  error.stack = serialized.stack ?? error.stack;
  return error;
}

/**
 * The embedded PostgreSQL on its own thread. PGlite runs PostgreSQL compiled to WebAssembly in the thread that calls
 * it, so in-process every statement ran on the server's event loop, beside HTTP, JSON, Prisma and inference; here
 * they run in a worker (worker.ts) and the server's thread only sends statements and reads rows. Same semantics as
 * PGlite in-process: one session, statements in the order they arrive, a transaction holds the session until it
 * ends. Query options are data only; a caller's `parsers` run here, on the text the worker leaves unparsed.
 */
export class ThreadedPGlite implements PGliteSession {
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: Reply) => this.settle(reply));
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => this.fail(new Error(`the embedded database's thread exited (code ${code})`)));
    // An idle worker does not keep the process alive; one with requests in flight does (see call).
    worker.unref();
  }

  /** Starts the thread and opens the database in `dataDir` (undefined: in memory); throws what opening it threw. */
  static async open(dataDir: string | undefined): Promise<ThreadedPGlite> {
    // Next.js's bundler bundles the file of any `new Worker(…)` it can read, with all it imports (tsx, esbuild's
    // binary), into the routes that reach this module. The routes never open the database (they use the one the
    // server opened), so the worker is constructed where the bundler does not look, from this file's own place.
    const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "worker-entry.mjs");
    const worker: Worker = Reflect.construct(Worker, [entry, { workerData: { dataDir } satisfies WorkerOptions }]);
    let onExit!: (code: number) => void;
    let onError!: (error: Error) => void;
    const ready = await new Promise<Ready>((resolve, reject) => {
      onExit = (code) => reject(new Error(`the embedded database's thread exited (code ${code}) before it opened`));
      onError = reject;
      worker.once("message", resolve).once("error", onError).once("exit", onExit);
    }).finally(() => worker.off("error", onError).off("exit", onExit));
    if (!ready.ready) {
      await worker.terminate();
      throw deserializeError(ready.error);
    }
    return new ThreadedPGlite(worker);
  }

  private settle(reply: Reply) {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(deserializeError(reply.error));
  }

  private fail(error: Error) {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private call<T>(request: Request): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private async runQuery<Row>(
    sql: string,
    params: unknown[] = [],
    options?: QueryOptions,
    tx?: number,
  ): Promise<Results<Row>> {
    const { rowMode, paramTypes, parsers, serializers, blob } = options ?? {};
    if (serializers || blob) throw new Error("serializers and blobs cannot be sent to the embedded database's thread");
    const crossing: ThreadQueryOptions = { rowMode, paramTypes };
    if (parsers) crossing.rawTypes = Object.keys(parsers).map(Number);
    const result = await this.call<QueryResult>({ op: "query", sql, params, options: crossing, tx });
    if (parsers) applyParsers(result, parsers, rowMode ?? "object");
    return result as Results<Row>;
  }

  private async runExec(sql: string, tx?: number): Promise<Results[]> {
    await this.call({ op: "exec", sql, tx });
    return [];
  }

  query<Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<Row>> {
    return this.runQuery<Row>(sql, params, options);
  }

  exec(sql: string): Promise<Results[]> {
    return this.runExec(sql);
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const id = await this.call<number>({ op: "begin" });
    let closed = false;
    const ensureOpen = () => {
      if (closed) throw new Error("Transaction is closed");
    };
    const tx = {
      query: async <Row>(sql: string, params?: unknown[], options?: QueryOptions) => (
        ensureOpen(),
        this.runQuery<Row>(sql, params, options, id)
      ),
      exec: async (sql: string) => (ensureOpen(), this.runExec(sql, id)),
      rollback: async () => {
        ensureOpen();
        await this.call({ op: "rollback", tx: id });
        closed = true;
      },
      get closed() {
        return closed;
      },
    } as unknown as Transaction;
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      closed = true;
      await this.call({ op: "end", tx: id, commit: false }).catch(() => undefined);
      throw error;
    }
    closed = true;
    await this.call({ op: "end", tx: id, commit: true });
    return result;
  }

  /** Closes the database and ends its thread. */
  async close(): Promise<void> {
    if (!this.failure) await this.call({ op: "close" });
    this.failure ??= new Error("the embedded database is closed");
    await this.worker.terminate();
  }
}

/** Runs the caller's parsers on the columns the worker left as text. */
function applyParsers(result: QueryResult, parsers: NonNullable<QueryOptions["parsers"]>, rowMode: "object" | "array") {
  const columns = result.fields
    // PGlite calls a parser with the value and its type (its declared type names only the value).
    .map((field, index) => ({
      index,
      name: field.name,
      type: field.dataTypeID,
      parse: parsers[field.dataTypeID] as ((value: string, type: number) => unknown) | undefined,
    }))
    .filter((column) => column.parse);
  if (columns.length === 0) return;
  for (const row of result.rows as Record<string | number, unknown>[]) {
    for (const column of columns) {
      const key = rowMode === "array" ? column.index : column.name;
      const value = row[key];
      if (value !== null && value !== undefined) row[key] = column.parse!(value as string, column.type);
    }
  }
}
