/**
 * Messages between the embedded database's thread (worker.ts, which owns the PGlite instance) and the client in the
 * server's main thread (client.ts). Everything here crosses `postMessage`, so it is data only: no functions.
 */

/** What the worker is started with (its options in `workerData`, server/threads/). */
export interface WorkerOptions {
  /** A directory, or undefined for a database in memory. */
  dataDir: string | undefined;
}

/** Query options that can cross the thread; a caller's `parsers` become `rawTypes` and run in the caller's thread. */
export interface ThreadQueryOptions {
  rowMode?: "object" | "array";
  paramTypes?: number[];
  /** Column types the worker returns as PostgreSQL's text, for the caller's own parsers. */
  rawTypes?: number[];
}

/**
 * A statement of a transaction names it by `tx`, an id its client chose; the transaction's first statement also says
 * `begin`, and the worker opens the transaction before running it (no round trip of its own for BEGIN).
 */
export type Request =
  | {
      op: "query";
      sql: string;
      params: unknown[];
      options: ThreadQueryOptions;
      tx?: number;
      begin?: boolean;
      /** Outside a transaction: goes before the ordinary statements waiting for the session (session-turns.ts). */
      urgent?: boolean;
    }
  | { op: "exec"; sql: string; tx?: number; begin?: boolean }
  | { op: "rollback"; tx: number }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "close" };

export interface Field {
  name: string;
  dataTypeID: number;
}

export interface QueryResult {
  rows: unknown[];
  fields: Field[];
  affectedRows?: number;
}
