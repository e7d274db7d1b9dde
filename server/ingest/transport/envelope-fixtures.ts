import "server-only";

/**
 * Envelopes as real Sentry SDKs send them, for the transport tests: sentry-python (items with `length`,
 * content_type), the browser SDK (no `length`, dsn in the header), sessions, client reports and binary
 * attachments, plus the examples of Sentry's envelope documentation.
 */
export const PROJECT_ID = 42;
export const PUBLIC_KEY = "e12d836b15bb49d7bbf99e64295d995b";
export const DSN = `https://${PUBLIC_KEY}@o1.ingest.example/${PROJECT_ID}`;

export const PYTHON_EVENT_ID = "fc6d8c0c43fc4630ad850ee518f1b9d0";
export const BROWSER_EVENT_ID = "9ec79c33ec9942ab8353589fcb2e04dc";

/** A Django error as sentry-python reports it (non-ASCII text, so byte and character lengths differ). */
export const pythonEvent = {
  event_id: PYTHON_EVENT_ID,
  level: "error",
  platform: "python",
  timestamp: "2024-05-01T10:00:00.123456Z",
  environment: "production",
  sdk: { name: "sentry.python.django", version: "2.1.1", packages: [{ name: "pypi:sentry-sdk", version: "2.1.1" }] },
  exception: {
    values: [
      {
        type: "KeyError",
        value: "'prénom' — 🧾",
        module: null,
        mechanism: { type: "django", handled: false },
        stacktrace: {
          frames: [
            {
              filename: "shop/views.py",
              abs_path: "/srv/shop/views.py",
              function: "checkout",
              module: "shop.views",
              lineno: 88,
              context_line: "    name = form.cleaned_data['prénom']",
              pre_context: ["def checkout(request):", "    form = CheckoutForm(request.POST)"],
              in_app: true,
            },
          ],
        },
      },
    ],
  },
};

/** A TypeError as @sentry/browser reports it. */
export const browserEvent = {
  exception: {
    values: [
      {
        type: "TypeError",
        value: "Cannot read properties of undefined (reading 'id')",
        stacktrace: {
          frames: [
            {
              filename: "https://app.example.com/static/js/main.4f1c.js",
              function: "handleClick",
              lineno: 1,
              colno: 48213,
              in_app: true,
            },
          ],
        },
        mechanism: { type: "onerror", handled: false },
      },
    ],
  },
  level: "error",
  event_id: BROWSER_EVENT_ID,
  platform: "javascript",
  timestamp: 1714557600.123,
  environment: "production",
  request: { url: "https://app.example.com/cart", headers: { "User-Agent": "Mozilla/5.0" } },
  sdk: { name: "sentry.javascript.browser", version: "8.7.0", integrations: ["InboundFilters"] },
};

const text = (value: unknown) => JSON.stringify(value);

/** One envelope from parts: strings and buffers are joined as they are. */
export function envelopeBytes(...parts: (string | Buffer)[]): Buffer {
  return Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : part)));
}

/** sentry-python: an event item with `length`; the payload is pretty-printed, so it holds newlines. */
export function pythonEnvelope(event: unknown = pythonEvent): Buffer {
  const payload = Buffer.from(JSON.stringify(event, null, 2), "utf8");
  return envelopeBytes(
    text({
      event_id: PYTHON_EVENT_ID,
      sent_at: "2024-05-01T10:00:00.200000Z",
      trace: { trace_id: "771a43a4192642f0b136d5159a501700", public_key: PUBLIC_KEY },
    }),
    "\n",
    text({ type: "event", content_type: "application/json", length: payload.length }),
    "\n",
    payload,
    "\n",
  );
}

/** @sentry/browser: no `length`, the dsn in the header, no trailing newline. */
export function browserEnvelope(event: unknown = browserEvent, dsn = DSN): Buffer {
  return envelopeBytes(
    text({
      event_id: BROWSER_EVENT_ID,
      sent_at: "2024-05-01T10:00:00.456Z",
      sdk: { name: "sentry.javascript.browser", version: "8.7.0" },
      dsn,
    }),
    "\n",
    text({ type: "event" }),
    "\n",
    text(event),
  );
}

export const sessionItem = [
  text({ type: "session" }),
  "\n",
  text({
    sid: "7c7b6585f1a84b8d8e5c9bbd9b3bf4a0",
    init: true,
    started: "2024-05-01T09:59:00.000Z",
    timestamp: "2024-05-01T10:00:00.000Z",
    status: "exited",
    errors: 1,
    duration: 60.2,
    attrs: { release: "shop@2.3.1", environment: "production" },
  }),
  "\n",
].join("");

export const clientReportItem = [
  text({ type: "client_report" }),
  "\n",
  text({ timestamp: 1714557600, discarded_events: [{ reason: "queue_overflow", category: "error", quantity: 3 }] }),
  "\n",
].join("");

/** The first bytes of a PNG: CR LF, LF and NUL inside a binary payload. */
export const pngBytes = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x0a, 0x0a, 0xff,
]);

export function attachmentItem(bytes: Buffer = pngBytes): Buffer {
  return envelopeBytes(
    text({
      type: "attachment",
      length: bytes.length,
      filename: "screenshot.png",
      content_type: "image/png",
      attachment_type: "event.attachment",
    }),
    "\n",
    bytes,
    "\n",
  );
}

/** An envelope with an event, a session, a binary attachment and a client report, in that order. */
export function mixedEnvelope(): Buffer {
  const event = Buffer.from(text(browserEvent));
  return envelopeBytes(
    text({ event_id: BROWSER_EVENT_ID, dsn: DSN }),
    "\n",
    text({ type: "event", length: event.length }),
    "\n",
    event,
    "\n",
    sessionItem,
    attachmentItem(),
    clientReportItem,
  );
}

// Sentry's envelope documentation (develop.sentry.dev, "Full Examples"), byte for byte.
export const docsExamples = {
  twoItemsNoTrailingNewline: envelopeBytes(
    '{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc","dsn":"https://e12d836b15bb49d7bbf99e64295d995b:@sentry.io/42"}\n',
    '{"type":"attachment","length":10,"content_type":"text/plain","filename":"hello.txt"}\n',
    Buffer.from([0xef, 0xbb, 0xbf, 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x0d, 0x0a]),
    "\n",
    '{"type":"event","length":41,"content_type":"application/json","filename":"application.log"}\n',
    '{"message":"hello world","level":"error"}',
  ),
  twoEmptyAttachments: envelopeBytes(
    '{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc"}\n',
    '{"type":"attachment","length":0}\n',
    "\n",
    '{"type":"attachment","length":0}\n',
    "\n",
  ),
  implicitLengthTerminatedByNewline: envelopeBytes('{}\n{"type":"attachment"}\nhelloworld\n'),
  implicitLengthTerminatedByEof: envelopeBytes('{}\n{"type":"attachment"}\nhelloworld'),
  headersOnly: envelopeBytes('{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc"}\n'),
};
