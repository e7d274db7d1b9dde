import "server-only";
import { DataDirBusyError } from "./db/data-dir-lock";
import { describeDatabaseError, redactUrl } from "./db/errors";
import { openDatabase, type Database } from "./db/client";
import { migrate, MigrationError, type MigrationReport } from "./db/migrate";
import type { Env } from "./env";

/** A start-up failure that is explained in one sentence to the person starting regroup. */
export class StartupError extends Error {
  override name = "StartupError";
}

/** Opens the configured database and brings its schema up to date, or throws a StartupError saying why not. */
export async function openMigratedDatabase(
  config: Env,
  role: string,
): Promise<{ database: Database; migrations: MigrationReport }> {
  let database: Database;
  try {
    database = await openDatabase({
      url: config.DATABASE_URL,
      dataDir: config.dataDir,
      role,
      embeddedThread: config.EMBEDDED_DATABASE_THREAD,
    });
  } catch (error) {
    if (error instanceof DataDirBusyError) throw new StartupError(error.message);
    const location = config.DATABASE_URL
      ? `DATABASE_URL=${redactUrl(config.DATABASE_URL)}`
      : `DATA_DIR=${config.dataDir}`;
    throw new StartupError(describeDatabaseError(error, location));
  }
  try {
    return { database, migrations: await migrate(database.driver) };
  } catch (error) {
    await database.close().catch(() => undefined);
    if (error instanceof MigrationError) throw new StartupError(error.message);
    throw new StartupError(describeDatabaseError(error, database.driver.location));
  }
}
