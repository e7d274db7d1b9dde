import "server-only";
import { parseEvent, type SentryEvent } from "@/lib/event/schema";
import { ValidationError } from "../../http/errors";
import { IngestTooLargeError } from "./body";
import type { Envelope } from "./envelope";

/** The envelope item type that carries an error event; every other type (session, attachment, client_report, transaction…) is accepted and dropped. */
export const EVENT_ITEM_TYPE = "event";

/**
 * Decodes and validates one event payload. `where` names it in messages ("The event", "Envelope item 2
 * (event)"), so that a 400 says which item and which field is wrong.
 */
export function parseEventPayload(payload: Buffer, where: string, limit: number, item?: number): SentryEvent {
  if (payload.length > limit) throw new IngestTooLargeError(where, limit);
  let json: unknown;
  try {
    json = JSON.parse(payload.toString("utf8"));
  } catch (error) {
    throw new ValidationError(`${where} is not valid JSON: ${(error as Error).message}.`, { item });
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) {
    throw new ValidationError(`${where} is not a JSON object.`, { item });
  }
  const parsed = parseEvent(json);
  if (!parsed.ok) {
    const reasons = parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
    throw new ValidationError(`${where} is not a valid event: ${reasons}`, { item, issues: parsed.issues });
  }
  return parsed.event;
}

/**
 * Every event item of an envelope, all validated before any is returned, so that a bad item is refused before
 * anything is ingested. A lone event without its own event_id takes the envelope header's, as in Relay.
 */
export function eventsOfEnvelope(envelope: Envelope, limit: number): SentryEvent[] {
  const events: SentryEvent[] = [];
  envelope.items.forEach((item, index) => {
    if (item.header.type !== EVENT_ITEM_TYPE) return;
    events.push(parseEventPayload(item.payload, `Envelope item ${index} (event)`, limit, index));
  });
  const [only] = events;
  if (events.length === 1 && only && !only.event_id && envelope.header.event_id) {
    only.event_id = envelope.header.event_id;
  }
  return events;
}
