import { describe, expect, it } from "vitest";
import { PLACEHOLDERS, parameterize } from "./parameterize";
import { mulberry32 } from "./testing/mulberry32";

// Sentry's patterns as the regex engine runs them (quadratic on long runs), to compare with.
const SENTRY_EMAIL = String.raw`[a-zA-Z0-9.!#$%&'*+/=?^_\`{|}~-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*`;
const SENTRY_DATETIME = String.raw`datetime\.datetime\(.*?\)`;
const reference = PLACEHOLDERS.filter(([name]) => name !== "datetime(").map(([name, re]): [string, string] => [
  name,
  name === "email" ? SENTRY_EMAIL : name === "date" ? `${re}|${SENTRY_DATETIME}` : re,
]);
const REFERENCE = new RegExp(reference.map(([, re]) => `(${re})`).join("|"), "g");

function sentryParameterize(text: string): string {
  return text.replace(REFERENCE, (...groups: unknown[]) => {
    const i = reference.findIndex((_, k) => groups[k + 1] !== undefined);
    return `<${reference[i]?.[0]}>`;
  });
}

const PIECES = [
  "a",
  "Z",
  "0",
  "7",
  "42",
  ".",
  "-",
  "+",
  "@",
  " ",
  ":",
  "::",
  "/",
  "(",
  ")",
  "#",
  "x",
  "0x1f",
  "\n",
  "_",
  "bob@example.com",
  "http://h.io/p",
  "10.0.0.1",
  "fe80::1%eth0",
  "2024-01-02T03:04:05Z",
  "Mon Jan  1 10:00:00 2024",
  "datetime.datetime(",
  "datetime.datetime(2024, 1, 1)",
  "1.5",
  "-3",
  "deadbeef",
  "ü",
  "😀",
  "ffff",
  "user.name+tag",
];

function randomText(next: () => number): string {
  let s = "";
  const n = Math.floor(next() * 24);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

describe("parameterize", () => {
  it("replaces values as Sentry's patterns do", () => {
    expect(parameterize("user bob@example.com at 10.0.0.1 failed 3 times, id deadbeefdeadbeefdeadbeefdeadbeef")).toBe(
      "user <email> at <ip> failed <int> times, id <md5>",
    );
    expect(parameterize("at datetime.datetime(2024, 1, 1) and datetime.datetime( with no end")).toBe(
      "at <date> and datetime.datetime( with no end",
    );
    expect(parameterize("1:2:3:4:5:6:7:8abcd@x.com")).toBe(sentryParameterize("1:2:3:4:5:6:7:8abcd@x.com"));
  });

  it("agrees with the regex engine running Sentry's patterns on 20,000 random texts", () => {
    const next = mulberry32(13);
    for (let i = 0; i < 20_000; i++) {
      const text = randomText(next);
      expect(parameterize(text), JSON.stringify(text)).toBe(sentryParameterize(text));
    }
  });

  it("takes linear time on texts that made the regex engine backtrack quadratically", () => {
    // Each took seconds to minutes with Sentry's patterns as written (1 MB of "a": about 20 minutes).
    const hostile = [
      "a".repeat(1 << 20),
      "a".repeat(1 << 19) + " @ " + "a".repeat(1 << 19),
      "datetime.datetime(".repeat(50_000),
      "1.".repeat(1 << 19),
      "a@b.".repeat(200_000),
    ];
    const start = performance.now();
    for (const text of hostile) parameterize(text);
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
