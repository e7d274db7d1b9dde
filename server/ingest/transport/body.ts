import "server-only";
import { bodyChunks } from "../../http/body";
import { HttpError } from "../../http/errors";
import { assertSupportedEncodings, contentEncodings, decodeChunks, isZlibCompressed } from "./decode";
import { formatBytes } from "./limits";

/** 413 with the limit that was crossed; `what` names the thing that is too large. */
export class IngestTooLargeError extends HttpError {
  constructor(what: string, limitBytes: number) {
    super(413, "payload_too_large", `${what} is larger than the limit of ${formatBytes(limitBytes)}.`);
  }
}

export interface BodyLimits {
  /** Bytes on the wire, before decompression. */
  wireBytes: number;
  /** Bytes after decompression. */
  decodedBytes: number;
}

const NEWLINE = 0x0a;

/**
 * A request body read as it arrives and decompressed as it is read, within two limits: the bytes on the wire
 * (counted by the shared reader of server/http/body.ts) and the decoded bytes, counted here. The decoded limit
 * can start low and be raised once the sender is known (an envelope whose key is in its first line), so that an
 * unauthenticated sender never makes the server inflate more than that. Close it when done: a body left
 * unread is cancelled then.
 */
export class DecodedBody {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private ended = false;
  private readonly iterator: AsyncIterator<Uint8Array>;

  constructor(
    request: Request,
    wireBytes: number,
    private limit: number,
    private what: string,
  ) {
    const encodings = contentEncodings(request);
    assertSupportedEncodings(encodings);
    const wire = bodyChunks(request, wireBytes, (bytes) => new IngestTooLargeError("The request body", bytes));
    this.iterator = decodeChunks(wire, encodings)[Symbol.asyncIterator]();
  }

  /** Allows up to `bytes` decoded bytes from now on; `what` names the body in the 413 past it. */
  raiseLimit(bytes: number, what = this.what): void {
    this.limit = Math.max(this.limit, bytes);
    this.what = what;
  }

  private async pull(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.iterator.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.chunks.push(Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength));
    this.size += next.value.byteLength;
    return true;
  }

  private tooLarge(): IngestTooLargeError {
    return new IngestTooLargeError(this.what, this.limit);
  }

  private buffered(): Buffer {
    if (this.chunks.length > 1) this.chunks.splice(0, this.chunks.length, Buffer.concat(this.chunks, this.size));
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  /**
   * The first line (without its newline), which must end within the limit; decoding stops at the chunk that
   * ends it (a chunk that arrived whole may hold more, which was already within the wire limit).
   */
  async firstLine(): Promise<Buffer> {
    let searched = 0;
    for (;;) {
      const bytes = this.buffered();
      const newline = bytes.indexOf(NEWLINE, searched);
      const end = newline === -1 ? bytes.length : newline;
      if (end > this.limit) throw this.tooLarge();
      if (newline !== -1) return bytes.subarray(0, newline);
      searched = bytes.length;
      if (!(await this.pull())) return bytes;
    }
  }

  /** The whole decoded body, within the limit. */
  async readAll(): Promise<Buffer> {
    for (;;) {
      if (this.size > this.limit) throw this.tooLarge();
      if (!(await this.pull())) return this.buffered();
    }
  }

  /** Stops reading: the rest of the body is not decoded, and the request stream is cancelled. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.iterator.return?.();
  }
}

/** Reads and decompresses a request body within both limits (413 past either, 400 when the data is corrupt). */
export async function readDecodedBody(request: Request, limits: BodyLimits, what: string): Promise<Buffer> {
  const body = new DecodedBody(request, limits.wireBytes, limits.decodedBytes, what);
  try {
    return await body.readAll();
  } finally {
    await body.close();
  }
}

/** Decompresses bytes already in memory, within `limit` decoded bytes. */
export async function decompress(bytes: Buffer, encoding: string, limit: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  async function* whole(): AsyncGenerator<Uint8Array> {
    yield bytes;
  }
  for await (const chunk of decodeChunks(whole(), [encoding])) {
    size += chunk.byteLength;
    if (size > limit) throw new IngestTooLargeError(what, limit);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks, size);
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Old SDKs (raven-python, raven-ruby) post store bodies as base64 of zlib-compressed JSON, without a
 * Content-Encoding header; Sentry still accepts them, so a body that is not a JSON object is tried that way.
 */
export async function decodeLegacyStoreBody(bytes: Buffer, limit: number): Promise<Buffer> {
  const text = bytes.toString("latin1").trim();
  if (!text || text.startsWith("{") || !BASE64.test(text)) return bytes;
  const decoded = Buffer.from(text, text.includes("-") || text.includes("_") ? "base64url" : "base64");
  if (!isZlibCompressed(decoded)) return decoded;
  return decompress(decoded, "deflate", limit, "The event");
}
