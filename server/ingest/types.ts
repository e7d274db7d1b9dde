import "server-only";

// The shapes that ingest's transport and pipeline share. Types only, so that the transport (and its tests, which pass
// a fake pipeline) can name them without loading the pipeline.

/** What ingest needs of the project an SDK sends to. */
export interface IngestProject {
  id: number;
  publicKey: string;
  platform: string;
}

/** What became of one event: the issue it joined, whether it was a repeat, and how it was grouped. */
export interface IngestResult {
  eventId: string;
  groupId: number;
  duplicate: boolean;
  method: "fingerprint" | "ai" | "new";
}
