import "server-only";
import { env } from "../env";

export type IngestMode = "queue" | "sync";

// On globalThis: the route bundles and the script that sets it are separate module graphs in one process.
const holder = globalThis as typeof globalThis & { __regroupIngestMode?: IngestMode };

/** How the SDK endpoints ingest (INGEST_MODE, unless `setIngestMode` chose for this process). */
export function ingestMode(): IngestMode {
  return holder.__regroupIngestMode ?? env().INGEST_MODE;
}

/** Sets the mode for this process (the ingest benchmark compares both in one run); undefined: INGEST_MODE again. */
export function setIngestMode(mode: IngestMode | undefined): void {
  holder.__regroupIngestMode = mode;
}
