import "server-only";
import pg from "pg";
import { env } from "../env";
import type { SqlDriver, SqlSession } from "./driver";
import { redactUrl } from "./errors";
import { INDEX_SCAN_SETTINGS } from "./index-scan-settings";

export interface PostgresDriver extends SqlDriver {
  readonly pool: pg.Pool;
}

/**
 * Connects to a real PostgreSQL with pgvector and checks that it answers. Every session starts with
 * statement_timeout (DATABASE_STATEMENT_TIMEOUT_MS; 0 is none), so that one runaway query cannot hold a
 * connection and its locks for ever; PostgreSQL cancels it and the request that sent it fails.
 */
export async function openPostgresDriver(
  url: string,
  statementTimeoutMs = env().DATABASE_STATEMENT_TIMEOUT_MS,
): Promise<PostgresDriver> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  pool.on("error", () => {
    // An idle client lost its connection; the next query reconnects or reports the failure.
  });
  // Set as each new connection's first queries, with the kNN settings (index-scan-settings.ts): the pool emits
  // "connect" before it hands the client out, and a client runs its queries in order. (pg's statement_timeout
  // start-up parameter is not honoured by every server.)
  pool.on("connect", (client) => {
    client.query(INDEX_SCAN_SETTINGS).catch(() => undefined);
    if (statementTimeoutMs > 0) {
      client
        .query("SELECT set_config('statement_timeout', $1, false)", [`${statementTimeoutMs}ms`])
        .catch(() => undefined);
    }
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
    // Each statement has a session of the pool: none waits behind another's.
    urgentQuery: async <Row>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as Row[],
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
