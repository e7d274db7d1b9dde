import "server-only";
import { ValidationError } from "../../http/errors";

/**
 * The Sentry envelope format (https://develop.sentry.dev/sdk/data-model/envelopes/): a header line of JSON,
 * then items, each an item-header line of JSON and a payload. With `length` the payload is exactly that many
 * bytes (it may hold newlines and binary data) and must be followed by a newline or the end; without it the
 * payload runs to the next newline. The trailing newline is optional. Parsing follows Relay's, except that
 * blank lines between items and at the end are tolerated.
 */
export interface EnvelopeHeader {
  event_id?: string;
  dsn?: string;
  sent_at?: string;
  [key: string]: unknown;
}

export interface EnvelopeItemHeader {
  type: string;
  length?: number;
  [key: string]: unknown;
}

export interface EnvelopeItem {
  header: EnvelopeItemHeader;
  payload: Buffer;
}

export interface Envelope {
  header: EnvelopeHeader;
  items: EnvelopeItem[];
}

const NEWLINE = 0x0a;
const EVENT_ID = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function malformed(reason: string): ValidationError {
  return new ValidationError(`Malformed envelope: ${reason}.`);
}

/** The line that starts at `start`: its end (exclusive, without the newline) and where the next line starts. */
function lineAt(bytes: Buffer, start: number): { end: number; next: number } {
  const newline = bytes.indexOf(NEWLINE, start);
  return newline === -1 ? { end: bytes.length, next: bytes.length } : { end: newline, next: newline + 1 };
}

function parseJsonObject(bytes: Buffer, where: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw malformed(`${where} is not valid JSON (${(error as Error).message})`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw malformed(`${where} is not a JSON object`);
  return value as Record<string, unknown>;
}

function isBlank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d && byte !== NEWLINE) return false;
  }
  return true;
}

/** Parses the envelope header line; `itemsStart` is where the first item begins. */
export function parseEnvelopeHeader(bytes: Buffer): { header: EnvelopeHeader; itemsStart: number } {
  if (isBlank(bytes, 0, bytes.length)) throw malformed("the body is empty; an envelope starts with a header line");
  const line = lineAt(bytes, 0);
  const header = parseJsonObject(bytes.subarray(0, line.end), "the envelope header (line 1)");
  if (header.event_id !== undefined && header.event_id !== null) {
    if (typeof header.event_id !== "string" || !EVENT_ID.test(header.event_id)) {
      throw malformed("the envelope header's event_id is not a UUID (32 hexadecimal digits)");
    }
  }
  if (header.dsn !== undefined && header.dsn !== null && typeof header.dsn !== "string") {
    throw malformed("the envelope header's dsn is not a string");
  }
  return { header: header as EnvelopeHeader, itemsStart: line.next };
}

function parseItemHeader(bytes: Buffer, index: number): EnvelopeItemHeader {
  const header = parseJsonObject(bytes, `the header of item ${index}`);
  if (typeof header.type !== "string" || !header.type) throw malformed(`item ${index} has no type in its header`);
  const { length } = header;
  if (length !== undefined && length !== null && !(Number.isSafeInteger(length) && (length as number) >= 0)) {
    throw malformed(`item ${index} (${header.type}) has a length that is not a non-negative integer`);
  }
  return header as EnvelopeItemHeader;
}

/** The item type that carries an error event; every other type (session, attachment, client_report…) is dropped. */
export const EVENT_ITEM_TYPE = "event";

/**
 * Parses the items that follow the header line (see the format above). An envelope carries at most one event
 * (the protocol's rule, as Relay enforces it): the second event item is refused before the rest is parsed.
 */
export function parseEnvelopeItems(bytes: Buffer, itemsStart: number): EnvelopeItem[] {
  const items: EnvelopeItem[] = [];
  let sawEvent = false;
  let offset = itemsStart;
  while (offset < bytes.length) {
    const headerLine = lineAt(bytes, offset);
    if (isBlank(bytes, offset, headerLine.end)) {
      offset = headerLine.next;
      continue;
    }
    const index = items.length;
    const header = parseItemHeader(bytes.subarray(offset, headerLine.end), index);
    if (header.type === EVENT_ITEM_TYPE) {
      if (sawEvent) throw malformed(`item ${index} is a second event item; an envelope carries at most one event`);
      sawEvent = true;
    }
    const payloadStart = headerLine.next;
    let payloadEnd: number;
    if (typeof header.length === "number") {
      payloadEnd = payloadStart + header.length;
      if (payloadEnd > bytes.length) {
        const left = Math.max(0, bytes.length - payloadStart);
        throw malformed(
          `item ${index} (${header.type}) declares a length of ${header.length} bytes but only ${left} follow`,
        );
      }
      if (payloadEnd < bytes.length && bytes[payloadEnd] !== NEWLINE) {
        throw malformed(`item ${index} (${header.type}) is not followed by a newline after its ${header.length} bytes`);
      }
      offset = payloadEnd + 1;
    } else {
      const payloadLine = lineAt(bytes, payloadStart);
      payloadEnd = payloadLine.end;
      offset = payloadLine.next;
    }
    items.push({ header, payload: bytes.subarray(Math.min(payloadStart, bytes.length), payloadEnd) });
  }
  return items;
}

/** Parses a whole (decompressed) envelope; a malformed one is a ValidationError (400) that says why. */
export function parseEnvelope(bytes: Buffer): Envelope {
  const { header, itemsStart } = parseEnvelopeHeader(bytes);
  return { header, items: parseEnvelopeItems(bytes, itemsStart) };
}
