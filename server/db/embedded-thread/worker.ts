import "server-only";
import { messages, type PGlite, type Transaction } from "@electric-sql/pglite";
import { serveRequests } from "../../threads/serve-requests";
import { openPGlite } from "../open-pglite";
import type { QueryResult, Request, WorkerOptions } from "./protocol";
import { TextColumns } from "../text-columns";
import { SessionTurns } from "./session-turns";

/**
 * The embedded database's own thread: it owns the PGlite instance and runs what the client (client.ts) sends. Each
 * request is handled as it arrives, without waiting for the one before. Who holds the session is decided here
 * (session-turns.ts), as PGlite's own locks would for callers in one thread (a statement outside a transaction waits
 * for the open transaction to end; the transaction's own statements do not), except that an urgent statement goes
 * before the ordinary ones waiting.
 */

/** Open transactions by id: the PGlite transaction and how to end it (true: commit, false: roll back). */
const transactions = new Map<number, { tx: Transaction; end: (commit: boolean) => void; done: Promise<unknown> }>();
/** Rejects a transaction's callback so that PGlite rolls it back; not an error anyone sees. */
const ROLL_BACK = Symbol("roll back");

/** PostgreSQL's fields of PGlite's DatabaseError (code, detail, constraint, …), which Prisma's adapter reads. */
function databaseErrorFields(error: Error): Record<string, unknown> | undefined {
  if (!(error instanceof messages.DatabaseError)) return undefined;
  // queryOptions may hold functions (this thread's parsers), and the caller has its own query and parameters.
  const {
    query: _query,
    params: _params,
    queryOptions: _options,
    ...fields
  } = error as unknown as Record<string, unknown>;
  return fields;
}

function openTransaction(id: number) {
  const open = transactions.get(id);
  if (!open) throw new Error(`transaction ${id} is not open`);
  return open;
}

function session(transaction: number | undefined): Pick<PGlite, "query" | "exec"> {
  return transaction === undefined ? pglite : openTransaction(transaction).tx;
}

/** Transactions whose first statement is waiting for the session: what a later statement of theirs waits for. */
const opening = new Map<number, Promise<void>>();

const turns = new SessionTurns();

/** Opens transaction `id` (its client's id), resolving once it holds the session: its turn lasts until it ends. */
function begin(id: number): Promise<void> {
  if (transactions.has(id) || opening.has(id)) throw new Error(`transaction ${id} is open already`);
  const ready = turns.take().then(
    () =>
      new Promise<void>((resolve, reject) => {
        let end!: (commit: boolean) => void;
        const ended = new Promise<boolean>((settle) => (end = settle));
        const done = pglite.transaction(async (tx) => {
          transactions.set(id, { tx, end, done });
          resolve();
          if (!(await ended)) throw ROLL_BACK;
        });
        // BEGIN itself failed: the callback never ran. Either way the session's turn ends with the transaction.
        void done.catch(reject).finally(() => turns.end());
      }),
  );
  opening.set(id, ready);
  return ready.finally(() => opening.delete(id));
}

/** Waits until the transaction a statement names is open: its first statement may still be waiting for the session. */
async function opened(request: { tx?: number; begin?: boolean }): Promise<void> {
  if (request.tx === undefined) return;
  if (request.begin) await begin(request.tx);
  else await opening.get(request.tx)?.catch(() => undefined);
}

async function end(id: number, commit: boolean): Promise<void> {
  const open = openTransaction(id);
  transactions.delete(id);
  open.end(commit);
  try {
    await open.done;
  } catch (error) {
    if (error !== ROLL_BACK) throw error;
  }
}

/** Runs a statement: in its transaction, or in a turn of its own on the session. */
async function statement<T>(request: { tx?: number; begin?: boolean; urgent?: boolean }, run: () => Promise<T>) {
  if (request.tx === undefined) return turns.run(run, request.urgent);
  await opened(request);
  return run();
}

async function handle(request: Request): Promise<unknown> {
  switch (request.op) {
    case "query": {
      const { rawTypes, ...rest } = request.options;
      const { parsers, finish } = textColumns.plan(rawTypes);
      const result = await statement(request, () =>
        session(request.tx).query(request.sql, request.params, { ...rest, parsers }),
      );
      finish?.(result.fields, result.rows);
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows } satisfies QueryResult;
    }
    case "exec":
      await statement(request, () => session(request.tx).exec(request.sql));
      return undefined;
    case "rollback":
      await opened(request);
      await openTransaction(request.tx).tx.rollback();
      return undefined;
    case "end":
      await opened(request);
      return end(request.tx, request.commit);
    case "close":
      await turns.run(() => pglite.close());
      return undefined;
  }
}

let pglite: PGlite;
let textColumns: TextColumns;

await serveRequests<WorkerOptions, Request>({
  open: async (options) => {
    pglite = await openPGlite(options.dataDir);
    textColumns = await TextColumns.open(pglite);
  },
  handle: async (request) => ({ value: await handle(request) }),
  errorFields: databaseErrorFields,
});
