// What regroup keeps of an event (engine/event/bound.ts applies them before anything else reads it).
// String limits are Relay's (`MaxChars` in its protocol crate), without its small allowances; the
// frame limit is Relay's hard limit, which keeps the most recent frames; the rest are regroup's.

/** Exception values, log messages (Relay's `Message`). */
export const MAX_MESSAGE_CHARS = 8_192;
/** Function, symbol, module and exception type names (Relay's `Symbol`). */
export const MAX_SYMBOL_CHARS = 256;
/** File names, paths and packages (Relay's `Path`). */
export const MAX_PATH_CHARS = 256;
/** Source lines around a frame (Relay's `Summary`). */
export const MAX_CONTEXT_LINE_CHARS = 1_024;
/** Culprit, transaction (Relay's `Culprit`). */
export const MAX_CULPRIT_CHARS = 200;
/** Tag keys and values, release, dist (Relay's `TagValue`). */
export const MAX_TAG_CHARS = 200;
/** Logger, environment (Relay's `Logger` / `Environment`). */
export const MAX_SHORT_NAME_CHARS = 64;
/** Any other string, anywhere in the event (extra, contexts, vars…). */
export const MAX_OTHER_STRING_CHARS = 8_192;
/** Any object key. */
export const MAX_KEY_CHARS = 256;

/** Frames per stack trace; the most recent are kept (Relay's `enforce_frame_hard_limit`). */
export const MAX_FRAMES = 250;
/** Chained exceptions; the most recent (the one raised last) are kept. */
export const MAX_EXCEPTIONS = 100;
/** Threads; crashed and current threads are kept first. */
export const MAX_THREADS = 100;
/** Nesting of objects and arrays below the event: a container deeper than this is replaced. */
export const MAX_DEPTH = 16;

/** Notes kept on the event about each kind of change; past this, one note counts the rest. */
export const MAX_BOUND_NOTES_PER_TYPE = 20;
