import "server-only";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { vector } from "@electric-sql/pglite-pgvector";
import { sendVectorsInBinary } from "./binary-vectors";
import { INDEX_SCAN_SETTINGS } from "./index-scan-settings";

/**
 * PGlite with the extensions regroup's schema uses (pgvector, and pg_trgm for the issue stream's search), sending
 * vector parameters in binary, its session set for kNN searches (index-scan-settings.ts); in `dataDir`, or in memory
 * when it is undefined. Closes it again when that set-up fails.
 */
export async function openPGlite(dataDir: string | undefined): Promise<PGlite> {
  const pglite = await PGlite.create(dataDir, { extensions: { vector, pg_trgm } });
  try {
    await sendVectorsInBinary(pglite);
    await pglite.exec(INDEX_SCAN_SETTINGS);
  } catch (error) {
    await pglite.close();
    throw error;
  }
  return pglite;
}
