/**
 * A request body of `totalBytes` that is made chunk by chunk as it is pulled (never allocated at once), with no
 * Content-Length: what a chunked upload of any size looks like to a server. `makeChunk` gives the bytes at an
 * offset (letters by default). `pulled()` says how many bytes the
 * reader took before it stopped, and `cancelled()` whether it cancelled the stream.
 */
export function lazyBody(
  totalBytes: number,
  chunkBytes = 64 * 1024,
  makeChunk: (offset: number, size: number) => Uint8Array = (_offset, size) => new Uint8Array(size).fill(0x61),
): { stream: ReadableStream<Uint8Array>; pulled(): number; cancelled(): boolean } {
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= totalBytes) {
          controller.close();
          return;
        }
        const size = Math.min(chunkBytes, totalBytes - pulled);
        controller.enqueue(makeChunk(pulled, size));
        pulled += size;
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}
