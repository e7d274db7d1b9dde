/** Converters from what an input holds (text) to what a contract field takes, for react-hook-form's setValueAs. */

/** "" (an "unchanged" or "any" choice) is no value. */
export const emptyAsUndefined = (text: string): string | undefined => (text.trim() === "" ? undefined : text);

/** An optional number: "" is none, anything else is read as a number (the contract says whether it fits). */
export const optionalNumber = (text: string): number | undefined => (text.trim() === "" ? undefined : Number(text));

/** A datetime-local value (the browser's time zone) as the ISO time with offset the contracts take; "" is none. */
export function localTimeAsIso(text: string): string | undefined {
  if (text === "") return undefined;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? text : time.toISOString();
}
