import "server-only";
import { parseEmbeddingText, type ParsedException, type ParsedFrame } from "./embedding-text-parser";
import { tokenHash, wordPieces } from "./hashing";

/**
 * The built-in encoders' tokenizer. It reads the trace's structure, not just its words: the exception type,
 * each frame's module/file and function with their word pieces, consecutive-frame bigrams and trigrams (order:
 * A→B is not B→A), the source line, all tagged with the frame's distance from the crash frame. Every token
 * is hashed into `vocabSize` buckets and carries a slot (token class × position bucket) whose learned
 * weight lets the model decide that frames near the crash matter more than the entry point.
 */
export const TOKEN_CLASSES = [
  "type",
  "type-word",
  "value-word",
  "function",
  "function-word",
  "file",
  "file-word",
  "bigram",
  "trigram",
  "context",
  "context-word",
] as const;
export type TokenClass = (typeof TOKEN_CLASSES)[number];

/** Frame distance from the crash → bucket; the last bucket holds frames of earlier (chained) exceptions. */
const POSITION_EDGES = [0, 1, 2, 3, 4, 6, 9, 14];
export const POSITION_BUCKETS = POSITION_EDGES.length + 1;
export const SLOT_COUNT = 1 + TOKEN_CLASSES.length * POSITION_BUCKETS;

/**
 * How tokens are placed in slots:
 * - "legacy": frames of the first exception by distance from its crash frame, every other exception's in one bucket;
 * - "chain": every exception's frames by distance from that exception's own crash frame, and each exception by its
 *   role in the chain: a *wrapper* (its crash frame is also a frame of a later exception in the text: the handler
 *   that caught the cause and raised anew, `raise JobFailed from exc`, `new Error(..., { cause })`), the *primary*
 *   exception (the first one that is not a wrapper: where the fault surfaced in the code), or an *inner* one (causes
 *   below the primary, often library or runtime frames). The same fault reached with and without a wrapper then
 *   keeps its crash-side tokens in the same slots, and the model can learn how much wrappers matter.
 */
export type SlotLayout = "legacy" | "chain";
export const CHAIN_ROLES = ["primary", "wrapper", "inner"] as const;
export type ChainRole = (typeof CHAIN_ROLES)[number];

export function slotCount(layout: SlotLayout = "legacy"): number {
  return layout === "chain" ? 1 + TOKEN_CLASSES.length * POSITION_BUCKETS * CHAIN_ROLES.length : SLOT_COUNT;
}

const frameKey = (frame: ParsedFrame) => `${frame.file}\u0000${frame.function}`;

/** Shorter messages are too common to tell that one exception restates another. */
const MIN_RESTATED_MESSAGE = 8;

/**
 * `block` caught the fault of one of `others` and raised anew: its crash frame is also one of their frames (the
 * handler), or, when none of its frames is in the text, its message restates theirs (Java's CompletionException,
 * all of whose frames are the JDK's). A wrapper with frames of its own is known by them: the message rule would
 * also mark a library exception that restates its cause (requests' ReadTimeout over urllib3's), and move the
 * primary role away from the app frames that tell two timeouts apart.
 */
function wrapsOneOf(block: ParsedException, others: readonly ParsedException[]): boolean {
  const crash = block.frames[block.frames.length - 1];
  return others.some(
    (other) =>
      (crash !== undefined && other.frames.some((frame) => frameKey(frame) === frameKey(crash))) ||
      (crash === undefined && other.value.length >= MIN_RESTATED_MESSAGE && block.value.includes(other.value)),
  );
}

function rolesOutermostFirst(blocks: readonly ParsedException[]): ChainRole[] {
  const roles: ChainRole[] = [];
  let primarySeen = false;
  blocks.forEach((block, b) => {
    if (!primarySeen && wrapsOneOf(block, blocks.slice(b + 1))) roles.push("wrapper");
    else if (!primarySeen) {
      roles.push("primary");
      primarySeen = true;
    } else roles.push("inner");
  });
  return roles;
}

/**
 * Each exception's role in its chain. Sentry's text lists the raised exception first and its causes after it, but a
 * chain whose SDK sent mechanism ids (JavaScript, Java, Go) is ordered from the root of its tree, and the text then
 * lists the cause first and the wrapper last; the roles are read outermost first either way.
 */
export function chainRoles(blocks: readonly ParsedException[]): ChainRole[] {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  const causeFirst =
    first !== undefined &&
    last !== undefined &&
    blocks.length > 1 &&
    !wrapsOneOf(first, blocks.slice(1)) &&
    wrapsOneOf(last, blocks.slice(0, -1));
  return causeFirst ? rolesOutermostFirst([...blocks].reverse()).reverse() : rolesOutermostFirst(blocks);
}

export interface FrameTokens {
  ids: Int32Array;
  slots: Int32Array;
}

export interface FrameTokenizerOptions {
  vocabSize: number;
  maxTokens: number;
  layout?: SlotLayout;
}

function positionBucket(distance: number): number {
  let bucket = 0;
  while (bucket + 1 < POSITION_EDGES.length && distance >= (POSITION_EDGES[bucket + 1] as number)) bucket++;
  return bucket;
}

/** Slot 0 is padding; its weight is zero, so padded positions add nothing to the bag. */
export function slotOf(kind: TokenClass, bucket: number, role?: ChainRole): number {
  const base = TOKEN_CLASSES.indexOf(kind) * POSITION_BUCKETS + bucket;
  return 1 + (role === undefined ? base : CHAIN_ROLES.indexOf(role) * TOKEN_CLASSES.length * POSITION_BUCKETS + base);
}

/** slotOf read backwards: a slot's distance bucket, and its chain role in the "chain" layout (none in "legacy"). */
export function slotPlace(slot: number, layout: SlotLayout): { bucket: number; role?: ChainRole } {
  const base = slot - 1;
  const bucket = base % POSITION_BUCKETS;
  if (layout !== "chain") return { bucket };
  return { bucket, role: CHAIN_ROLES[Math.floor(base / (TOKEN_CLASSES.length * POSITION_BUCKETS))] };
}

function normaliseContext(line: string): string {
  return line.replace(/\s+/g, " ").replace(/\d+/g, "0").trim();
}

function valueWords(value: string): string[] {
  return value
    .split(/[^A-Za-z_]+/)
    .filter((w) => w.length > 2)
    .slice(0, 12)
    .map((w) => w.toLowerCase());
}

export class FrameHashTokenizer {
  constructor(readonly options: FrameTokenizerOptions) {}

  encode(text: string): FrameTokens {
    const ids: number[] = [];
    const slots: number[] = [];
    const { vocabSize, maxTokens } = this.options;
    const chain = this.options.layout === "chain";
    const blocks = parseEmbeddingText(text);
    const roles = chain ? chainRoles(blocks) : [];
    let role: ChainRole | undefined;
    const add = (kind: TokenClass, bucket: number, token: string) => {
      if (ids.length >= maxTokens) return;
      ids.push(tokenHash(`${kind}\u0000${token}`) % vocabSize);
      slots.push(slotOf(kind, bucket, role));
    };
    // The text lists the most recent exception first (Sentry's order); within it the crash frame is
    // read first, so truncation drops the far end.
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b];
      if (!block) continue;
      role = roles[b];
      const older = b > 0 && !chain;
      const headerBucket = older ? POSITION_BUCKETS - 1 : 0;
      if (block.type) {
        add("type", headerBucket, block.type);
        for (const piece of wordPieces(block.type)) add("type-word", headerBucket, piece);
      }
      for (const word of valueWords(block.value)) add("value-word", headerBucket, word);
      const frames = block.frames;
      for (let i = frames.length - 1; i >= 0; i--) {
        const frame = frames[i];
        if (!frame) continue;
        const bucket = older ? POSITION_BUCKETS - 1 : positionBucket(frames.length - 1 - i);
        const fn = frame.function || "?";
        add("function", bucket, fn);
        add("file", bucket, frame.file);
        const caller = frames[i - 1]?.function;
        if (caller !== undefined) add("bigram", bucket, `${caller}\u0001${fn}`);
        const callerOfCaller = frames[i - 2]?.function;
        if (caller !== undefined && callerOfCaller !== undefined)
          add("trigram", bucket, `${callerOfCaller}\u0001${caller}\u0001${fn}`);
        for (const piece of wordPieces(fn)) add("function-word", bucket, piece);
        for (const piece of wordPieces(frame.file)) add("file-word", bucket, piece);
        if (frame.context) {
          add("context", bucket, normaliseContext(frame.context));
          for (const piece of wordPieces(frame.context).slice(0, 8)) add("context-word", bucket, piece);
        }
      }
    }
    return { ids: Int32Array.from(ids), slots: Int32Array.from(slots) };
  }
}
