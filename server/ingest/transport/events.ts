import "server-only";
import { parseEvent, type SentryEvent } from "@/lib/event/schema";
import { ValidationError } from "../../http/errors";
import { IngestTooLargeError } from "./body";
import { EVENT_ITEM_TYPE, type Envelope } from "./envelope";

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
 * The event of an envelope, validated, or undefined when it carries none (the parser refuses a second event
 * item). An event without its own event_id takes the envelope header's, as in Relay.
 */
export function eventOfEnvelope(envelope: Envelope, limit: number): SentryEvent | undefined {
  const index = envelope.items.findIndex((item) => item.header.type === EVENT_ITEM_TYPE);
  const item = envelope.items[index];
  if (!item) return undefined;
  const event = parseEventPayload(item.payload, `Envelope item ${index} (event)`, limit, index);
  if (!event.event_id && envelope.header.event_id) event.event_id = envelope.header.event_id;
  return event;
}
