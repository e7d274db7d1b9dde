import "server-only";
import pg from "pg";
import type { SqlDriver, SqlSession } from "./driver";
import { redactUrl } from "./errors";

export interface PostgresDriver extends SqlDriver {
  readonly pool: pg.Pool;
}

/** Connects to a real PostgreSQL with pgvector and checks that it answers. */
export async function openPostgresDriver(url: string): Promise<PostgresDriver> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  pool.on("error", () => {
    // An idle client lost its connection; the next query reconnects or reports the failure.
  });
  const session = (client: pg.Pool | pg.PoolClient): SqlSession => ({
    async exec(sql) {
      await client.query(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as Row[];
    },
  });
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return {
    kind: "postgres",
    location: `PostgreSQL at ${redactUrl(url)}`,
    pool,
    ...session(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(session(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
