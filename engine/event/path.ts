/** A value's place in an event, as a chain of keys from the value up to the root (built only when a note needs it). */
export interface EventPath {
  parent: EventPath | null;
  key: string | number;
}

/** The dotted name Sentry's event errors give a place: `exception.values.0.stacktrace.frames.3.lineno`. */
export function pathName(path: EventPath | null): string {
  const keys: (string | number)[] = [];
  for (let p = path; p; p = p.parent) keys.push(p.key);
  return keys.reverse().join(".");
}
