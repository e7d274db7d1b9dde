import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlDriver } from "./driver";
import { openEmbeddedDriver, type EmbeddedThread } from "./embedded-driver";
import { PrismaClient } from "./generated/client";
import { openPostgresDriver } from "./postgres-driver";

export type { PrismaClient };

/** The typed client and the raw session under it (for migrations, vector SQL and the health probe). */
export interface Database {
  prisma: PrismaClient;
  driver: SqlDriver;
  /** Tells other processes where this one serves the data (the embedded database's owner lock). */
  advertise(url: string): void;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A real PostgreSQL with pgvector; when absent, the embedded one in `dataDir`. */
  url?: string;
  /** A directory, or "memory://" for a throw-away database. */
  dataDir: string;
  /** Who opens it, shown to a second process that finds the directory taken. */
  role: string;
  /** The embedded database's thread: the caller's (default) or its own. */
  embeddedThread?: EmbeddedThread;
}

/** Opens the database that the options name; throws when it cannot be reached or is owned by another process. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const driver = await openPostgresDriver(options.url);
    const prisma = new PrismaClient({ adapter: new PrismaPg(driver.pool) });
    return {
      prisma,
      driver,
      advertise: () => undefined,
      close: async () => (await prisma.$disconnect(), await driver.close()),
    };
  }
  const driver = await openEmbeddedDriver(options.dataDir, options.role, options.embeddedThread);
  // The adapter's type names PGlite; it calls only query, exec and transaction, which both threads' sessions have.
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(driver.pglite as unknown as PGlite) });
  return {
    prisma,
    driver,
    advertise: (url) => driver.lock?.advertise(url),
    close: async () => (await prisma.$disconnect(), await driver.close()),
  };
}

export { Prisma } from "./generated/client";
/** A Prisma client inside `$transaction(async (tx) => …)`. */
export type Transaction = import("./generated/client").Prisma.TransactionClient;
