import "server-only";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { vector } from "@electric-sql/pglite-pgvector";
import { sendVectorsInBinary } from "./binary-vectors";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock";
import type { SqlDriver, SqlSession } from "./driver";

export interface EmbeddedDriver extends SqlDriver {
  readonly pglite: PGlite;
  readonly lock: DataDirLock | null;
}

/**
 * Opens the embedded PostgreSQL (PGlite + pgvector, and pg_trgm for the issue stream's search). With a directory, takes its owner lock first;
 * `memory://` gives a throw-away database (tests).
 */
export async function openEmbeddedDriver(dataDir: string | "memory://", role: string): Promise<EmbeddedDriver> {
  const inMemory = dataDir === "memory://";
  const lock = inMemory ? null : acquireDataDirLock(dataDir, role);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(inMemory ? undefined : dataDir, { extensions: { vector, pg_trgm } });
    await sendVectorsInBinary(pglite);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const session = (db: Pick<PGlite, "exec" | "query">): SqlSession => ({
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
    transaction: (work) => pglite.transaction((tx) => work(session(tx))),
    async close() {
      await pglite.close();
      lock?.release();
    },
  };
}
