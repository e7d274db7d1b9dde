import { afterAll, beforeAll } from "vitest";
import type { Database } from "../db/client";
import {
  findPostgresBinaries,
  openMigratedPostgres,
  startPostgresCluster,
  type PostgresCluster,
} from "./postgres-cluster";
import { openedLater } from "./test-environment";

/**
 * Registers the hooks that start a throw-away native PostgreSQL for this test file (several connections at READ
 * COMMITTED, which PGlite cannot give) and stop it after. `title` is `subject`, followed by why the suite is skipped
 * where the server binaries are missing; that reason is also printed, so that it shows in every reporter.
 */
export function setUpConcurrentPostgres(subject: string): {
  available: boolean;
  title: string;
  database: Database;
  /** The cluster's connection URL, for a connection of the test's own. */
  clusterUrl: () => string;
} {
  const binaries = findPostgresBinaries();
  const title = binaries.ok ? subject : `${subject} (skipped: ${binaries.reason})`;
  if (!binaries.ok) console.warn(title);

  let cluster: PostgresCluster | undefined;
  let database: Database | undefined;
  beforeAll(async () => {
    if (!binaries.ok) return;
    cluster = await startPostgresCluster(binaries);
    database = await openMigratedPostgres(cluster);
  });
  afterAll(async () => {
    await database?.close();
    await cluster?.stop();
  });
  return {
    available: binaries.ok,
    title,
    database: openedLater(() => database),
    clusterUrl: () => {
      if (!cluster) throw new Error("the PostgreSQL cluster starts in beforeAll: use it inside a hook or a test");
      return cluster.url;
    },
  };
}
