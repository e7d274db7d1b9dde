import { formatCount } from "@/lib/format";

// The notes boundEvent (./bound.ts) and repairEvent (./fast-parse.ts, ./invalid-data.ts) left in a stored event's
// `errors`, as lines for the issue page. The list may also hold entries an SDK sent; only well-formed notes of
// these kinds are described.

const n = formatCount;
const isText = (v: unknown): v is string => typeof v === "string";
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

const OMITTED_LABELS: Record<string, string> = {
  value_too_long: "trimmed values",
  too_many_frames: "shortened frame lists",
  too_many_values: "shortened lists",
  too_deep: "removed nested values",
  invalid_characters: "values with escaped characters",
  key_too_long: "trimmed keys",
  invalid_data: "removed values of the wrong type",
};

const shown = (v: unknown): string | null =>
  typeof v === "string" ? JSON.stringify(v) : typeof v === "number" || typeof v === "boolean" ? String(v) : null;

function describe(note: Record<string, unknown>): string | null {
  const { name, original_length: original } = note;
  switch (note.type) {
    case "value_too_long":
      return isText(name) && isCount(original) && isCount(note.length)
        ? `${name}: trimmed from ${n(original)} to ${n(note.length)} characters`
        : null;
    case "too_many_frames":
      return isText(name) && isCount(original) && isCount(note.kept) && note.kept < original
        ? `${name}: frames 1–${n(original - note.kept)} of ${n(original)} removed (the ${n(note.kept)} most recent kept)`
        : null;
    case "too_many_values":
      return isText(name) && isCount(original) && isCount(note.kept) && note.kept < original
        ? `${name}: ${n(original - note.kept)} of ${n(original)} removed (${n(note.kept)} kept)`
        : null;
    case "too_deep":
      return isText(name) && isCount(note.max_depth)
        ? `${name}: nested deeper than ${n(note.max_depth)} levels, removed`
        : null;
    case "invalid_characters": {
      if (!isText(name) || !isCount(note.nul) || !isCount(note.lone_surrogates)) return null;
      const parts = [
        note.nul ? `${n(note.nul)} NUL character${note.nul === 1 ? "" : "s"} escaped as \\0` : "",
        note.lone_surrogates
          ? `${n(note.lone_surrogates)} unpaired surrogate${note.lone_surrogates === 1 ? "" : "s"} replaced by �`
          : "",
      ].filter(Boolean);
      return parts.length ? `${name}: ${parts.join(", ")}` : null;
    }
    case "key_too_long":
      return isText(name) && isCount(original) ? `${name}: key trimmed from ${n(original)} characters` : null;
    case "invalid_data": {
      if (!isText(name) || !isText(note.reason)) return null;
      const value = shown(note.value);
      return `${name}: removed${value === null ? "" : ` (${value})`}, ${note.reason}`;
    }
    case "notes_omitted": {
      const label = isText(note.of) ? OMITTED_LABELS[note.of] : undefined;
      return label && isCount(note.count) ? `and ${n(note.count)} more ${label}` : null;
    }
    default:
      return null;
  }
}

/** What boundEvent or repairEvent changed in a stored event, one line per note (e.g. "exception.values.0.value: trimmed from 1,048,576 to 8,192 characters"). */
export function describeBoundNotes(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  const lines: string[] = [];
  for (const entry of errors) {
    if (typeof entry !== "object" || entry === null) continue;
    const line = describe(entry as Record<string, unknown>);
    if (line !== null) lines.push(line);
  }
  return lines;
}
