import { openDatabase, type Database } from "../db/client";
import { setDatabase } from "../db";
import { migrate } from "../db/migrate";

/**
 * A fresh, migrated embedded PostgreSQL (PGlite + pgvector, in memory) for one test file, installed as the
 * process's database so that services under test use it. Never a mock: the same SQL as production.
 */
export async function createTestDatabase(): Promise<Database> {
  const database = await openDatabase({ dataDir: "memory://", role: "test" });
  await migrate(database.driver);
  setDatabase(database);
  return database;
}
