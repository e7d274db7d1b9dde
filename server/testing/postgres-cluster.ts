import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { setDatabase } from "../db";
import { openDatabase, type Database } from "../db/client";
import { migrate, readMigrations, type MigrationFile } from "../db/migrate";

/**
 * A throw-away native PostgreSQL cluster for the tests that need what the embedded database cannot give: several
 * sessions at once (PGlite is one session, so it serialises every transaction and hides races). It needs the server
 * binaries (Debian's `postgresql` package: /usr/lib/postgresql/<version>/bin) and, when the tests run as root, the
 * `postgres` system user, since PostgreSQL refuses to run as root. No pgvector: see `migrationsWithoutPgvector`.
 */

const run = promisify(execFile);
const REQUIRED = ["initdb", "pg_ctl", "postgres"];

export type PostgresBinaries = { ok: true; binDir: string; runAs: string | null } | { ok: false; reason: string };

function newestInstalledBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  return versions.map((version) => path.join(root, version, "bin")).find((dir) => fs.existsSync(dir)) ?? null;
}

/** Where the PostgreSQL server binaries are (POSTGRES_BIN_DIR, else the newest under /usr/lib/postgresql), or why not. */
export function findPostgresBinaries(): PostgresBinaries {
  const binDir = process.env.POSTGRES_BIN_DIR ?? newestInstalledBinDir();
  if (!binDir)
    return {
      ok: false,
      reason: "no PostgreSQL server binaries: install Debian's `postgresql` package or set POSTGRES_BIN_DIR",
    };
  const missing = REQUIRED.filter((name) => !fs.existsSync(path.join(binDir, name)));
  if (missing.length) return { ok: false, reason: `${missing.join(", ")} missing in ${binDir}` };
  if (process.getuid?.() !== 0) return { ok: true, binDir, runAs: null };
  const hasUser = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .some((line) => line.startsWith("postgres:"));
  if (!hasUser || !fs.existsSync("/usr/sbin/runuser"))
    return { ok: false, reason: "running as root without a `postgres` user and runuser to start PostgreSQL as" };
  return { ok: true, binDir, runAs: "postgres" };
}

export interface PostgresCluster {
  /** A connection URL over the cluster's Unix socket (no TCP port is opened). */
  url: string;
  stop(): Promise<void>;
}

/** Starts a fresh cluster in a temporary directory, reachable only through a Unix socket inside it. */
export async function startPostgresCluster(
  binaries: Extract<PostgresBinaries, { ok: true }>,
): Promise<PostgresCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "regroup-pg-"));
  const dataDir = path.join(dir, "data");
  const as = async (binary: string, args: string[]) => {
    const file = path.join(binaries.binDir, binary);
    return binaries.runAs ? run("/usr/sbin/runuser", ["-u", binaries.runAs, "--", file, ...args]) : run(file, args);
  };
  if (binaries.runAs) {
    const { stdout } = await run("id", ["-u", binaries.runAs]);
    const { stdout: gid } = await run("id", ["-g", binaries.runAs]);
    fs.chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  fs.chmodSync(dir, 0o700);
  const options = `-k ${dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c max_connections=40`;
  try {
    await as("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
    await as("pg_ctl", ["-D", dataDir, "-l", path.join(dir, "server.log"), "-o", options, "-w", "start"]);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`,
    async stop() {
      await as("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The project's migrations without the statements that need pgvector, which no native PostgreSQL here has: the
 * extension, the vector columns of grouping_records (quoted "v1", "v2", …) and their indexes (each one line). Everything else — the
 * tables, constraints and indexes the ingest and rollout writes rely on — is applied as written.
 */
export function migrationsWithoutPgvector(migrations: MigrationFile[] = readMigrations()): MigrationFile[] {
  const needsPgvector = /\bvector\b|\bUSING hnsw\b|"v\d+"|_v\d+_idx\b/;
  return migrations.map((migration) => {
    const lines = migration.sql.split("\n");
    const dropped = lines.filter((line) => needsPgvector.test(line) && !line.trim().startsWith("--"));
    const incomplete = dropped.find((line) => !/[;,]\s*$/.test(line));
    if (incomplete)
      throw new Error(`${migration.name}: "${incomplete.trim()}" needs pgvector but is not a whole line to leave out`);
    const sql = lines.filter((line) => !dropped.includes(line)).join("\n");
    return { ...migration, sql, checksum: createHash("sha256").update(sql).digest("hex") };
  });
}

/** Opens the cluster as the process's database (several connections), with the migrations applied as above. */
export async function openMigratedPostgres(cluster: PostgresCluster): Promise<Database> {
  const database = await openDatabase({ url: cluster.url, dataDir: "", role: "test" });
  await migrate(database.driver, migrationsWithoutPgvector());
  setDatabase(database);
  return database;
}
