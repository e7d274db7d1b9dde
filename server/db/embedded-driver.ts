import "server-only";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock";
import type { SqlDriver, SqlSession } from "./driver";
import { ThreadedPGlite, type PGliteSession } from "./embedded-thread/client";
import { LocalPGlite } from "./local-pglite";

/** Where PostgreSQL runs: on the caller's thread (the default), or on a thread of its own (embedded-thread/). */
export type EmbeddedThread = "own" | "main";

export interface EmbeddedDriver extends SqlDriver {
  readonly pglite: PGliteSession;
  readonly lock: DataDirLock | null;
}

/**
 * Opens the embedded PostgreSQL (PGlite + pgvector, and pg_trgm for the issue stream's search). With a directory, takes its owner lock first;
 * `memory://` gives a throw-away database (tests).
 */
export async function openEmbeddedDriver(
  dataDir: string | "memory://",
  role: string,
  thread: EmbeddedThread = "main",
): Promise<EmbeddedDriver> {
  const inMemory = dataDir === "memory://";
  const lock = inMemory ? null : acquireDataDirLock(dataDir, role);
  let pglite: PGliteSession & { close(): Promise<void> };
  try {
    const directory = inMemory ? undefined : dataDir;
    pglite = thread === "own" ? await ThreadedPGlite.open(directory) : await LocalPGlite.open(directory);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const session = (db: Pick<PGliteSession, "exec" | "query">): SqlSession => ({
    async exec(sql) {
      await db.exec(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await db.query<Row>(sql, params)).rows;
    },
  });
  return {
    kind: "embedded",
    location: inMemory ? "embedded PostgreSQL in memory" : `embedded PostgreSQL in ${dataDir}`,
    pglite,
    lock,
    ...session(pglite),
    urgentQuery: async <Row>(sql: string, params: unknown[] = []) => (await pglite.urgentQuery<Row>(sql, params)).rows,
    transaction: (work) => pglite.transaction((tx) => work(session(tx))),
    async close() {
      await pglite.close();
      lock?.release();
    },
  };
}
