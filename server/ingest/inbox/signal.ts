import "server-only";

// On globalThis: the route bundle that accepts an event and the server that runs the worker are separate module
// graphs in one process.
const holder = globalThis as typeof globalThis & { __regroupInboxWake?: Set<() => void> };
const listeners = () => (holder.__regroupInboxWake ??= new Set());

/** Tells this process's inbox worker that events are waiting (it also polls, for the ones other replicas accept). */
export function wakeInboxWorker(): void {
  for (const listener of listeners()) listener();
}

/** Calls `listener` on each wake-up until the returned function is called. */
export function onInboxWake(listener: () => void): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}
