import { MAX_BOUND_NOTES_PER_TYPE } from "./limits";
import { pathName, type EventPath } from "./path";

// The notes repairEvent (./fast-parse.ts) leaves in an event's `errors` for each value it dropped because its
// type was wrong, in the shape of Sentry's event errors from Relay's meta errors: `{ type: "invalid_data",
// name: "exception.values.0.stacktrace.frames.3.lineno", value: "12", reason: "expected a number" }`. An event
// is kept without the odd value rather than refused: losing an error report over one field is data loss.

/** One dropped value. `value` is the value as sent, when it was a primitive (long strings shortened). */
export type InvalidDataNote =
  | { type: "invalid_data"; name: string; reason: string; value?: string | number | boolean }
  | { type: "notes_omitted"; of: "invalid_data"; count: number };

/** How much of a dropped string a note keeps. */
const MAX_NOTED_VALUE_CHARS = 200;

function preview(value: unknown): string | number | boolean | undefined {
  if (typeof value === "string") {
    return value.length > MAX_NOTED_VALUE_CHARS ? `${value.slice(0, MAX_NOTED_VALUE_CHARS)}...` : value;
  }
  // A number too large for a double arrives as Infinity, which JSON cannot store.
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "boolean") return value;
  return undefined;
}

function described(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** The notes of one repair; past MAX_BOUND_NOTES_PER_TYPE, a single note counts the rest. */
export class InvalidDataNotes {
  private readonly kept: InvalidDataNote[] = [];
  private count = 0;

  /** Notes that the value at `path` was dropped because it is not `expected` (e.g. "a number"). */
  add(path: EventPath | null, value: unknown, expected: string, got = described(value)): void {
    this.count++;
    if (this.kept.length >= MAX_BOUND_NOTES_PER_TYPE) return;
    const shown = preview(value);
    const reason = `expected ${expected}, got ${got}`;
    const name = pathName(path);
    this.kept.push(
      shown === undefined
        ? { type: "invalid_data", name, reason }
        : { type: "invalid_data", name, reason, value: shown },
    );
  }

  /** A mark to roll back to, when a container is dropped whole instead of the value inside it. */
  mark(): number {
    return this.count;
  }

  /** Forgets the notes added since `mark`. */
  rollBack(mark: number): void {
    this.kept.length = Math.min(this.kept.length, mark);
    this.count = mark;
  }

  all(): InvalidDataNote[] {
    const omitted = this.count - this.kept.length;
    return omitted > 0 ? [...this.kept, { type: "notes_omitted", of: "invalid_data", count: omitted }] : [...this.kept];
  }
}
