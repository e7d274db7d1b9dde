import "server-only";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { HttpError, ValidationError } from "../../http/errors";
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

/**
 * Reads the request body, stopping as soon as it passes the limit: Content-Length is only a hint (a chunked
 * upload has none, and a client may lie), so the bytes are counted as they arrive.
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new IngestTooLargeError("The request body", limit);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new IngestTooLargeError("The request body", limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

type Inflate = (input: Buffer, options: zlib.ZlibOptions | zlib.BrotliOptions) => Promise<Buffer>;
const gunzip = promisify(zlib.gunzip) as Inflate;
const inflate = promisify(zlib.inflate) as Inflate;
const inflateRaw = promisify(zlib.inflateRaw) as Inflate;
const brotli = promisify(zlib.brotliDecompress) as Inflate;

// HTTP "deflate" means zlib-wrapped deflate (RFC 9110), but some clients send raw deflate; a zlib stream is
// recognised by its two-byte header (compression method 8, header checksum divisible by 31).
function hasZlibHeader(bytes: Buffer): boolean {
  const [cmf, flg] = [bytes[0], bytes[1]];
  return cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

const decoders: Record<string, (bytes: Buffer) => Inflate> = {
  gzip: () => gunzip,
  "x-gzip": () => gunzip,
  deflate: (bytes) => (hasZlibHeader(bytes) ? inflate : inflateRaw),
  br: () => brotli,
};

/**
 * Undoes one Content-Encoding with a cap on the output: zlib stops and fails as soon as the output passes
 * `maxOutputLength`, so a small zip bomb never expands past the limit in memory.
 */
export async function decompress(bytes: Buffer, encoding: string, limit: number, what: string): Promise<Buffer> {
  const decoder = decoders[encoding];
  if (!decoder) {
    throw new HttpError(
      415,
      "unsupported_encoding",
      `Content-Encoding "${encoding}" is not supported; send the body uncompressed or as gzip, deflate or br.`,
    );
  }
  try {
    return await decoder(bytes)(bytes, { maxOutputLength: limit });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw new IngestTooLargeError(what, limit);
    throw new ValidationError(`The body is not valid ${encoding} data: ${(error as Error).message}.`);
  }
}

/** The encodings applied to the body, in the order they were applied ("identity" dropped). */
function contentEncodings(request: Request): string[] {
  const header = request.headers.get("content-encoding") ?? "";
  return header
    .split(",")
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part && part !== "identity");
}

/** Reads and decompresses a request body within both limits (413 past either, 400 when the data is corrupt). */
export async function readDecodedBody(request: Request, limits: BodyLimits, what: string): Promise<Buffer> {
  let bytes = await readBodyBytes(request, limits.wireBytes);
  // Encodings are listed in the order they were applied, so they are undone from the last one.
  for (const encoding of contentEncodings(request).reverse()) {
    bytes = await decompress(bytes, encoding, limits.decodedBytes, what);
  }
  if (bytes.length > limits.decodedBytes) throw new IngestTooLargeError(what, limits.decodedBytes);
  return bytes;
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
  if (!hasZlibHeader(decoded)) return decoded;
  return decompress(decoded, "deflate", limit, "The event");
}
