import { describe, expect, it } from "vitest";
import { parseEnvelope } from "./envelope";
import {
  BROWSER_EVENT_ID,
  DSN,
  browserEnvelope,
  browserEvent,
  docsExamples,
  envelopeBytes,
  mixedEnvelope,
  pngBytes,
  pythonEnvelope,
  pythonEvent,
} from "./envelope-fixtures";

function malformed(bytes: Buffer): string {
  try {
    parseEnvelope(bytes);
  } catch (error) {
    expect(error).toMatchObject({ status: 400, code: "validation_error" });
    return (error as Error).message;
  }
  throw new Error("the envelope was accepted");
}

describe("parseEnvelope", () => {
  it("reads an item with a length exactly, newlines and multi-byte characters included (sentry-python)", () => {
    const envelope = parseEnvelope(pythonEnvelope());
    expect(envelope.items).toHaveLength(1);
    const [item] = envelope.items;
    expect(item?.header).toMatchObject({ type: "event", content_type: "application/json" });
    expect(item?.payload.toString("utf8")).toContain("\n");
    expect(JSON.parse(item!.payload.toString("utf8"))).toEqual(pythonEvent);
  });

  it("reads an item without a length up to the end, with or without a trailing newline (browser SDK)", () => {
    for (const bytes of [browserEnvelope(), envelopeBytes(browserEnvelope(), "\n")]) {
      const envelope = parseEnvelope(bytes);
      expect(envelope.header).toMatchObject({ event_id: BROWSER_EVENT_ID, dsn: DSN });
      expect(envelope.items.map((item) => item.header.type)).toEqual(["event"]);
      expect(JSON.parse(envelope.items[0]!.payload.toString("utf8"))).toEqual(browserEvent);
    }
  });

  it("keeps every item of a mixed envelope, a binary attachment holding CR, LF and NUL bytes included", () => {
    const envelope = parseEnvelope(mixedEnvelope());
    expect(envelope.items.map((item) => item.header.type)).toEqual(["event", "session", "attachment", "client_report"]);
    expect(envelope.items[2]?.payload.equals(pngBytes)).toBe(true);
    expect(JSON.parse(envelope.items[1]!.payload.toString())).toMatchObject({ status: "exited" });
  });

  it("reads the examples of Sentry's envelope documentation", () => {
    const twoItems = parseEnvelope(docsExamples.twoItemsNoTrailingNewline);
    expect(twoItems.items.map((item) => [item.header.type, item.payload.length])).toEqual([
      ["attachment", 10],
      ["event", 41],
    ]);
    expect(parseEnvelope(docsExamples.twoEmptyAttachments).items.map((item) => item.payload.length)).toEqual([0, 0]);
    for (const bytes of [docsExamples.implicitLengthTerminatedByNewline, docsExamples.implicitLengthTerminatedByEof]) {
      expect(parseEnvelope(bytes).items.map((item) => item.payload.toString())).toEqual(["helloworld"]);
    }
    expect(parseEnvelope(docsExamples.headersOnly).items).toEqual([]);
  });

  it("tolerates blank lines between items and at the end, and CRLF line ends", () => {
    const bytes = envelopeBytes('{}\r\n{"type":"event"}\r\n{"message":"hi"}\r\n\n\n{"type":"session"}\n{}\n\n');
    const envelope = parseEnvelope(bytes);
    expect(envelope.items.map((item) => item.header.type)).toEqual(["event", "session"]);
    expect(JSON.parse(envelope.items[0]!.payload.toString())).toEqual({ message: "hi" });
  });

  it("says what is wrong with a malformed envelope", () => {
    expect(malformed(Buffer.alloc(0))).toMatch(/empty/);
    expect(malformed(envelopeBytes("\n\n"))).toMatch(/empty/);
    expect(malformed(envelopeBytes('{"event_id":\n{"type":"event"}\n{}'))).toMatch(
      /envelope header \(line 1\) is not valid JSON/,
    );
    expect(malformed(envelopeBytes('[1]\n{"type":"event"}\n{}'))).toMatch(
      /envelope header \(line 1\) is not a JSON object/,
    );
    expect(malformed(envelopeBytes('{"event_id":"not-a-uuid"}\n'))).toMatch(/event_id is not a UUID/);
    expect(malformed(envelopeBytes('{"dsn":42}\n'))).toMatch(/dsn is not a string/);
    expect(malformed(envelopeBytes('{}\n{"length":2}\n{}\n'))).toMatch(/item 0 has no type/);
    expect(malformed(envelopeBytes('{}\n{"type":"session"}\n{}\nnot json\n'))).toMatch(
      /header of item 1 is not valid JSON/,
    );
    expect(malformed(envelopeBytes('{}\n{"type":"event","length":-1}\n{}'))).toMatch(
      /item 0 \(event\) has a length that is not/,
    );
    expect(malformed(envelopeBytes('{}\n{"type":"event","length":"2"}\n{}'))).toMatch(/not a non-negative integer/);
  });

  it("refuses an item whose length runs past the end or is not followed by a newline", () => {
    expect(malformed(envelopeBytes('{}\n{"type":"attachment","length":100}\nshort'))).toBe(
      "Malformed envelope: item 0 (attachment) declares a length of 100 bytes but only 5 follow.",
    );
    expect(malformed(envelopeBytes('{}\n{"type":"attachment","length":3}\nhello\n'))).toMatch(
      /item 0 \(attachment\) is not followed by a newline after its 3 bytes/,
    );
  });
});
