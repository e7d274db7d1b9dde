/**
 * `npm run db:migrate`: applies the pending SQL migrations to the configured database (DATABASE_URL, or the
 * embedded one in DATA_DIR). The server also does this at every start; while it runs it owns the embedded
 * data directory, and this command says so instead of opening it a second time.
 */
import { parseEnv } from "../server/env";
import { openMigratedDatabase } from "../server/startup";
import { exitOnStartupFailure } from "./runtime/exit-on-startup-failure";

try {
  const config = parseEnv();
  const { database, migrations } = await openMigratedDatabase(config, "npm run db:migrate");
  await database.close();
  const where = database.driver.location;
  if (migrations.applied.length) {
    console.log(`Applied ${migrations.applied.length} migration(s) to ${where}:`);
    for (const name of migrations.applied) console.log(`  ${name}`);
  } else {
    console.log(`${where} is up to date (${migrations.alreadyApplied} migration(s) applied before).`);
  }
} catch (error) {
  exitOnStartupFailure("db:migrate", error);
}
