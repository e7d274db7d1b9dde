import "server-only";
import { env } from "../env";
import { openDatabase, type Database, type Transaction } from "./client";

export type { Database } from "./client";

// On globalThis: the custom server (scripts/serve.ts) and the route bundles Next.js compiles are separate
// module graphs in one process, and dev-mode reloads re-evaluate modules; the embedded database must be
// opened exactly once per process.
const holder = globalThis as typeof globalThis & { __regroupDatabase?: Promise<Database> };

/** The process's database, opened on first use from the environment (DATABASE_URL or DATA_DIR). */
export function getDatabase(): Promise<Database> {
  if (!holder.__regroupDatabase) {
    const config = env();
    const opening = openDatabase({
      url: config.DATABASE_URL,
      dataDir: config.dataDir,
      role: "regroup server",
      embeddedThread: config.EMBEDDED_DATABASE_THREAD,
    });
    holder.__regroupDatabase = opening;
    opening.catch(() => {
      if (holder.__regroupDatabase === opening) holder.__regroupDatabase = undefined;
    });
  }
  return holder.__regroupDatabase;
}

/** Uses an already opened database as the process's database (tests, the server start-up). */
export function setDatabase(database: Database): void {
  holder.__regroupDatabase = Promise.resolve(database);
}

/** The Prisma client of the process's database. */
export async function db() {
  return (await getDatabase()).prisma;
}

/** Runs `work` in one transaction of the process's database, and answers what it answers. */
export async function inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  return (await db()).$transaction(work);
}
