import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlDriver } from "./driver";

/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql in name order, each once and in its own
 * transaction, recording them in Prisma's `_prisma_migrations` table (same checksum: sha256 of the file),
 * so that `prisma migrate deploy` elsewhere agrees with what ran here.
 */
export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export const defaultMigrationsDir = path.resolve(process.cwd(), "prisma", "migrations");

// The key Prisma's own migrate command locks with, so the two never run at once on one database.
const ADVISORY_LOCK_KEY = 72707369;

const bookkeepingTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** The migration files on disk, in the order they apply. */
export function readMigrations(dir: string = defaultMigrationsDir): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

/** Brings the database up to date; safe to call at every start and from several processes at once. */
export async function migrate(driver: SqlDriver, migrations = readMigrations()): Promise<MigrationReport> {
  await driver.exec(bookkeepingTable);
  const report: MigrationReport = { applied: [], alreadyApplied: 0 };

  for (const migration of migrations) {
    const appliedNow = await driver.transaction(async (tx) => {
      if (driver.kind === "postgres") await tx.query("SELECT pg_advisory_xact_lock($1)", [ADVISORY_LOCK_KEY]);
      const [row] = await tx.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
          WHERE migration_name = $1 AND rolled_back_at IS NULL`,
        [migration.name],
      );
      if (row) {
        if (row.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was changed after it was applied (checksum differs); ` +
              `migrations are never edited once they land — add a new one instead.`,
          );
        }
        if (!row.finished_at) throw new MigrationError(`Migration ${migration.name} was left unfinished.`);
        return false;
      }
      const startedAt = new Date();
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      await tx.query(
        `INSERT INTO "_prisma_migrations"
           (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, $4, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name, startedAt],
      );
      return true;
    });
    if (appliedNow) report.applied.push(migration.name);
    else report.alreadyApplied += 1;
  }
  return report;
}
