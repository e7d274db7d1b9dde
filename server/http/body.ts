import "server-only";
import { PayloadTooLargeError, type HttpError } from "./errors";

/** What to throw when a body passes its limit (the ingest endpoints name what was too large). */
export type TooLarge = (limitBytes: number) => HttpError;

const tooLargeByDefault: TooLarge = (limit) => new PayloadTooLargeError(limit);

/**
 * A request body's chunks as they arrive, with the bytes counted on the way: Content-Length is only a hint (a
 * chunked upload has none, and a client may lie), so the stream is cancelled and `tooLarge` thrown as soon as
 * more than `limit` bytes came, and nothing past that is ever read or held. Stopping the iteration early (a
 * consumer that has seen enough, or failed) cancels the stream too.
 */
export async function* bodyChunks(
  request: Request,
  limit: number,
  tooLarge: TooLarge = tooLargeByDefault,
): AsyncGenerator<Uint8Array, void, undefined> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(limit);
  }
  if (!request.body) return;
  const reader = request.body.getReader();
  let finished = false;
  try {
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      size += value.byteLength;
      if (size > limit) throw tooLarge(limit);
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** The whole request body, read within `limit` bytes (see bodyChunks). */
export async function readBodyBytes(
  request: Request,
  limit: number,
  tooLarge: TooLarge = tooLargeByDefault,
): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of bodyChunks(request, limit, tooLarge)) {
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  return Buffer.concat(chunks, size);
}

const utf8 = new TextDecoder();

/** Bytes as text the way `Request.text()` decodes them (UTF-8, a leading byte-order mark dropped). */
export function utf8Text(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}
