import "server-only";
import { pipeline, Readable, type Transform } from "node:stream";
import zlib from "node:zlib";
import { HttpError, ValidationError } from "../../http/errors";

/**
 * Content-Encoding undone as a stream: each decoder only inflates as far as its reader has asked, so a small
 * zip bomb is stopped at whatever limit the reader counts, having never expanded much past it in memory (a
 * one-shot `gunzip` would first allocate up to its whole output limit).
 */
type Chunks = AsyncIterable<Uint8Array>;

// HTTP "deflate" means zlib-wrapped deflate (RFC 9110), but some clients send raw deflate; a zlib stream is
// recognised by its two-byte header (compression method 8, header checksum divisible by 31).
function hasZlibHeader(bytes: Uint8Array): boolean {
  const [cmf, flg] = [bytes[0], bytes[1]];
  return cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

/** Whether bytes (a whole legacy store body, after base64) are zlib-compressed. */
export function isZlibCompressed(bytes: Uint8Array): boolean {
  return hasZlibHeader(bytes);
}

const decoders: Record<string, (head: Buffer) => Transform> = {
  gzip: () => zlib.createGunzip(),
  "x-gzip": () => zlib.createGunzip(),
  deflate: (head) => (hasZlibHeader(head) ? zlib.createInflate() : zlib.createInflateRaw()),
  br: () => zlib.createBrotliDecompress(),
};

/** The encodings of a request body, in the order they were applied ("identity" dropped). */
export function contentEncodings(request: Request): string[] {
  const header = request.headers.get("content-encoding") ?? "";
  return header
    .split(",")
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part && part !== "identity");
}

/** Throws 415 unless every encoding can be undone (checked before any byte is read). */
export function assertSupportedEncodings(encodings: readonly string[]): void {
  for (const encoding of encodings) {
    if (!decoders[encoding]) {
      throw new HttpError(
        415,
        "unsupported_encoding",
        `Content-Encoding "${encoding}" is not supported; send the body uncompressed or as gzip, deflate or br.`,
      );
    }
  }
}

// The first two bytes decide between zlib and raw deflate; they may arrive in separate chunks.
async function readHead(iterator: AsyncIterator<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let size = 0;
  while (size < 2) {
    const next = await iterator.next();
    if (next.done) break;
    parts.push(next.value);
    size += next.value.byteLength;
  }
  return Buffer.concat(parts, size);
}

async function* prepend(head: Buffer, iterator: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    if (head.length) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  } finally {
    await iterator.return?.();
  }
}

async function* undoOne(input: Chunks, encoding: string): AsyncGenerator<Buffer> {
  const iterator = input[Symbol.asyncIterator]();
  const head = await readHead(iterator);
  const decoder = decoders[encoding]!(head);
  // pipeline destroys every stage when one fails or the reader stops early, which ends the request body's read.
  // One chunk of read-ahead at most, so that a stopped reader leaves little of the body read for nothing.
  const source = Readable.from(prepend(head, iterator), { highWaterMark: 1 });
  const output = pipeline(source, decoder, () => undefined);
  try {
    for await (const chunk of output) yield chunk as Buffer;
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new ValidationError(`The body is not valid ${encoding} data: ${(error as Error).message}.`);
  } finally {
    // The pipeline ends the stages above on its own, later; this ends them before the reader goes on.
    await iterator.return?.();
  }
}

/** The decoded chunks of a body to which `encodings` were applied in that order (undone from the last). */
export function decodeChunks(input: Chunks, encodings: readonly string[]): Chunks {
  assertSupportedEncodings(encodings);
  return [...encodings].reverse().reduce<Chunks>((chunks, encoding) => undoOne(chunks, encoding), input);
}
