import "server-only";
import { fastParseEvent, repairEvent } from "@/engine/event/fast-parse";
import type { InvalidDataNote } from "@/engine/event/invalid-data";
import type { SentryEvent } from "@/engine/event/schema";
import { ValidationError } from "../../http/errors";
import { IngestTooLargeError } from "./body";
import { EVENT_ITEM_TYPE, type Envelope } from "./envelope";
import { parseLenientJson } from "./lenient-json";

function listed(notes: readonly InvalidDataNote[]): string {
  return notes.map((note) => (note.type === "invalid_data" ? `${note.name}: ${note.reason}` : "…")).join("; ");
}

/**
 * Decodes one event payload. A value of the wrong type (a frame's `lineno: "12"`, an object where a frame list
 * belongs) is dropped and noted in the event's `errors`, as Relay does, rather than losing the whole report; only a
 * payload that is not a JSON object, or an event of which nothing is left, is refused. `where` names it in messages
 * ("The event", "Envelope item 2 (event)").
 */
export function parseEventPayload(payload: Buffer, where: string, limit: number, item?: number): SentryEvent {
  if (payload.length > limit) throw new IngestTooLargeError(where, limit);
  let json: unknown;
  try {
    json = parseLenientJson(payload.toString("utf8"));
  } catch (error) {
    throw new ValidationError(`${where} is not valid JSON: ${(error as Error).message}.`, { item });
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) {
    throw new ValidationError(`${where} is not a JSON object.`, { item });
  }
  const strict = fastParseEvent(json);
  if (strict) return strict;
  const { event, notes } = repairEvent(json);
  const left = event ? Object.keys(event).filter((key) => key !== "errors") : [];
  if (!event || left.length === 0) {
    throw new ValidationError(`${where} has no valid field left: ${listed(notes)}`, { item, issues: notes });
  }
  return event;
}

/** An envelope header's event_id as regroup stores it (32 lowercase hexadecimal digits). */
export function envelopeEventId(envelope: Pick<Envelope, "header">): string | undefined {
  const id = envelope.header.event_id;
  return typeof id === "string" ? id.replaceAll("-", "").toLowerCase() : undefined;
}

/**
 * The event of an envelope, or undefined when it carries none (the parser refuses a second event item). The
 * envelope header's event_id, when it has one, is the event's, as in Relay (which overwrites the payload's), so
 * that the id the SDK was answered with is the id the event is stored under.
 */
export function eventOfEnvelope(envelope: Envelope, limit: number): SentryEvent | undefined {
  const index = envelope.items.findIndex((item) => item.header.type === EVENT_ITEM_TYPE);
  const item = envelope.items[index];
  if (!item) return undefined;
  const event = parseEventPayload(item.payload, `Envelope item ${index} (event)`, limit, index);
  const headerId = envelopeEventId(envelope);
  if (headerId) event.event_id = headerId;
  return event;
}
