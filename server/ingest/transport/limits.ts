import "server-only";

const MiB = 1024 * 1024;

/**
 * Every size limit of the Sentry SDK endpoints, in bytes. The values are Sentry's own (Relay's
 * `max_event_size`, `max_api_payload_size`, `max_envelope_size`), so that an SDK that Sentry accepts is
 * accepted here too: an envelope that carries an event next to a large attachment (a minidump, a screenshot)
 * must not be refused as a whole, or the event in it would be lost; the attachment is dropped after parsing.
 */
export interface IngestLimits {
  /** One event after decompression: a store body, or the payload of one envelope `event` item. */
  eventBytes: number;
  /** A store request body as it arrives, compressed or not (an event compresses, so this is the event limit). */
  storeBodyBytes: number;
  /** An envelope request body as it arrives, compressed or not. */
  envelopeBodyBytes: number;
  /** An envelope after decompression; it is held in memory while it is parsed. */
  envelopeBytes: number;
}

export const INGEST_LIMITS: Readonly<IngestLimits> = Object.freeze({
  eventBytes: 1 * MiB,
  storeBodyBytes: 1 * MiB,
  envelopeBodyBytes: 20 * MiB,
  envelopeBytes: 100 * MiB,
});

/** "1 MiB", "512 KiB", "300 bytes": limits in messages a person reads. */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
