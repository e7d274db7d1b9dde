import "server-only";
import { messages, type PGlite, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";
import type { SerializedError } from "../../threads/protocol";
import { besides, RequestThread } from "../../threads/request-thread";
import type { QueryResult, Request, ThreadQueryOptions, WorkerOptions } from "./protocol";
import { applyCallerParsers } from "../text-columns";

/**
 * The part of PGlite's interface that regroup and Prisma's PGlite adapter use: queries, scripts and transactions; and
 * `urgentQuery`, a statement a caller is waiting on, which goes before the ordinary ones waiting for the session where
 * they wait in a queue (on the database's own thread; on the caller's thread it is `query`).
 */
export type PGliteSession = Pick<PGlite, "query" | "exec" | "transaction"> & {
  urgentQuery<Row>(sql: string, params?: unknown[]): Promise<Results<Row>>;
};

/** Rebuilds an error from the database's thread, as PGlite's own class when it came from PostgreSQL (Prisma's adapter checks). */
function reviveError(serialized: SerializedError): Error {
  return serialized.fields
    ? Object.assign(new messages.DatabaseError(serialized.message, 0, "error"), serialized.fields)
    : Object.assign(new Error(serialized.message), { name: serialized.name });
}

/**
 * The embedded PostgreSQL on its own thread. PGlite runs PostgreSQL compiled to WebAssembly in the thread that calls
 * it, so in-process every statement ran on the server's event loop, beside HTTP, JSON, Prisma and inference; here
 * they run in a worker (worker.ts) and the server's thread only sends statements and reads rows. Same semantics as
 * PGlite in-process: one session, statements in the order they arrive, a transaction holds the session until it
 * ends. Query options are data only; a caller's `parsers` run here, on the text the worker leaves unparsed.
 */
export class ThreadedPGlite implements PGliteSession {
  private nextTransaction = 1;

  private constructor(private readonly thread: RequestThread<Request>) {}

  /** Starts the thread and opens the database in `dataDir` (undefined: in memory); throws what opening it threw. */
  static async open(dataDir: string | undefined): Promise<ThreadedPGlite> {
    const thread = await RequestThread.start<Request, WorkerOptions>(
      besides(import.meta.url, "worker.ts"),
      { dataDir },
      "the embedded database's thread",
      reviveError,
    );
    return new ThreadedPGlite(thread);
  }

  private call<T>(request: Request): Promise<T> {
    return this.thread.call<T>(request);
  }

  private async runQuery<Row>(
    sql: string,
    params: unknown[] = [],
    options?: QueryOptions,
    placement?: { tx: number; begin: boolean } | { urgent: true },
  ): Promise<Results<Row>> {
    const { rowMode, paramTypes, parsers, serializers, blob } = options ?? {};
    if (serializers || blob) throw new Error("serializers and blobs cannot be sent to the embedded database's thread");
    const crossing: ThreadQueryOptions = { rowMode, paramTypes };
    if (parsers) crossing.rawTypes = Object.keys(parsers).map(Number);
    const result = await this.call<QueryResult>({ op: "query", sql, params, options: crossing, ...placement });
    if (parsers) applyCallerParsers(result, parsers, rowMode ?? "object");
    return result as Results<Row>;
  }

  private async runExec(sql: string, transaction?: { tx: number; begin: boolean }): Promise<Results[]> {
    await this.call({ op: "exec", sql, ...transaction });
    return [];
  }

  query<Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<Row>> {
    return this.runQuery<Row>(sql, params, options);
  }

  exec(sql: string): Promise<Results[]> {
    return this.runExec(sql);
  }

  /**
   * A statement a caller is waiting on (the inbox insert an SDK's answer waits for): it goes before the ordinary
   * statements waiting for the session, after the statement or transaction that holds it now.
   */
  urgentQuery<Row>(sql: string, params?: unknown[]): Promise<Results<Row>> {
    return this.runQuery<Row>(sql, params, undefined, { urgent: true });
  }

  /**
   * Runs `work` in a transaction. The transaction opens with its first statement, which carries the BEGIN: while it is
   * open it holds the database's one session, and a BEGIN of its own would hold it for a round trip more, waiting for
   * this thread to send the first statement (behind whatever HTTP work this thread has queued).
   */
  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const id = this.nextTransaction++;
    let opened = false;
    let closed = false;
    const ensureOpen = () => {
      if (closed) throw new Error("Transaction is closed");
    };
    /** The fields that put a statement in this transaction, and open it with the first one. */
    const inTransaction = () => {
      const begin = !opened;
      opened = true;
      return { tx: id, begin };
    };
    const end = async (commit: boolean) => {
      closed = true;
      if (opened) await this.call({ op: "end", tx: id, commit });
    };
    const tx = {
      query: async <Row>(sql: string, params?: unknown[], options?: QueryOptions) => (
        ensureOpen(),
        this.runQuery<Row>(sql, params, options, inTransaction())
      ),
      exec: async (sql: string) => (ensureOpen(), this.runExec(sql, inTransaction())),
      rollback: async () => {
        ensureOpen();
        if (opened) await this.call({ op: "rollback", tx: id });
        closed = true;
      },
      get closed() {
        return closed;
      },
    } as unknown as Transaction;
    let result: T;
    // As PGlite's own: `work` runs after this call has returned its promise (Prisma's adapter refers to it in `work`).
    await Promise.resolve();
    try {
      result = await work(tx);
    } catch (error) {
      await end(false).catch(() => undefined);
      throw error;
    }
    await end(true);
    return result;
  }

  /** Closes the database and ends its thread. */
  async close(): Promise<void> {
    if (!this.thread.closed) await this.call({ op: "close" });
    await this.thread.terminate();
  }
}
