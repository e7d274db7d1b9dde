/**
 * Converters from what an input holds to what a contract field takes, for react-hook-form's setValueAs. They get
 * the input's text on a change, and the form's own value (already converted) when a field registers, which they
 * pass through.
 */

/** "" (an "unchanged" or "any" choice) is no value. */
export const emptyAsUndefined = (value: unknown): unknown =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** An optional number: "" is none, other text is read as a number (the contract says whether it fits). */
export const optionalNumber = (value: unknown): unknown =>
  typeof value !== "string" ? value : value.trim() === "" ? undefined : Number(value);

/** A datetime-local value (the browser's time zone) as the ISO time with offset the contracts take; "" is none. */
export function localTimeAsIso(value: unknown): unknown {
  if (typeof value !== "string" || value === "") return value === "" ? undefined : value;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? value : time.toISOString();
}
