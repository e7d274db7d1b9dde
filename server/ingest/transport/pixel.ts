import "server-only";

// The legacy GET store endpoint is called from an <img> tag (old browser SDKs that could not POST cross-origin):
// the event rides in the `sentry_data` query parameter and the answer is an image, as Sentry's was.

/** A transparent 1×1 GIF (GIF89a with a transparent colour in its graphic control extension), 42 bytes. */
export const TRANSPARENT_PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/** The answer of the GET store endpoint. */
export function pixelResponse(): Response {
  return new Response(new Uint8Array(TRANSPARENT_PIXEL), {
    status: 200,
    headers: { "content-type": "image/gif", "cache-control": "no-store" },
  });
}
