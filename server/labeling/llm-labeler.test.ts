import { afterEach, describe, expect, it } from "vitest";
import type { AlignedFrame, AlignmentRow } from "@/engine/alignment";
import { MalformedAnswerError, RetryableLabelerError, type LabelingTask } from "./labeler";
import { LlmLabeler, MAX_RESPONSE_BYTES, parseRetryAfter } from "./llm-labeler";
import { MAX_PROMPT_ROWS, PROMPT_VERSION, renderPrompt } from "./prompt";
import { startChatStub, type ChatStub, type StubReply } from "./testing/chat-stub";

function frame(
  module: string,
  fn: string,
  lineno: number,
  inApp = true,
  contextLine: string | null = null,
): AlignedFrame {
  return { module, filename: null, function: fn, lineno, contextLine, inApp, contributes: inApp };
}

const rows: AlignmentRow[] = [
  {
    kind: "equal",
    left: frame("django.core.handlers", "inner", 55, false),
    right: frame("django.core.handlers", "inner", 55, false),
    firstDivergence: false,
  },
  {
    kind: "equal",
    left: frame("shop.views", "checkout", 41, true, "total = cart.total()"),
    right: frame("shop.views", "checkout", 43, true, "total = cart.total()"),
    firstDivergence: false,
  },
  {
    kind: "changed",
    left: frame("shop.cart", "render_line", 12, true, "return line.price * line.qty"),
    right: frame("shop.discounts", "apply_coupon", 88, true, "rate = coupon.rate"),
    firstDivergence: true,
  },
];

const task: LabelingTask = {
  pairId: 7,
  platform: "python",
  guideline: "GROUP when fixing one fixes the other. Guideline marker 93c1.",
  left: {
    title: "AttributeError: 'NoneType' object has no attribute 'price'",
    exceptions: [{ type: "AttributeError", value: "'NoneType' object has no attribute 'price'" }],
  },
  right: {
    title: "AttributeError: 'NoneType' object has no attribute 'rate'",
    exceptions: [{ type: "AttributeError", value: "'NoneType' object has no attribute 'rate'" }],
  },
  rows,
  firstDivergingIndex: 2,
};

let stub: ChatStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function labelerFor(
  reply: StubReply | ((n: number) => StubReply),
  options: { apiKey?: string; timeoutMs?: number } = {},
) {
  stub = await startChatStub(({ n }) => (typeof reply === "function" ? reply(n) : reply));
  return new LlmLabeler({ url: stub.url, model: "stub-model", ...options });
}

const signal = () => new AbortController().signal;

describe("LlmLabeler", () => {
  it("asks the model with the rendered prompt and the key, and reads its verdict", async () => {
    const labeler = await labelerFor(
      { kind: "answer", verdict: "GROUP", reason: "  Same faulty line in render_line.  " },
      { apiKey: "sk-test" },
    );
    expect(labeler.name).toBe("llm:stub-model");
    expect(labeler.version).toBe(PROMPT_VERSION);

    const answer = await labeler.label(task, signal());
    expect(answer.verdict).toBe("GROUP");
    expect(answer.reason).toBe("Same faulty line in render_line.");
    expect(answer.tokens).toBeGreaterThan(0);

    const call = stub!.calls[0]!;
    expect(call.authorization).toBe("Bearer sk-test");
    const body = call.body as {
      model: string;
      temperature: number;
      response_format: unknown;
      messages: { role: string; content: string }[];
    };
    expect(body.model).toBe("stub-model");
    expect(body.temperature).toBe(0);
    expect(body.response_format).toEqual({ type: "json_object" });
    expect(body.messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(body.messages[0]!.content).toContain("Guideline marker 93c1.");
    expect(body.messages[1]!.content).toContain(task.left.title);
    expect(body.messages[1]!.content).toContain(task.right.title);
    expect(body.messages[1]!.content).toContain("apply_coupon");
  });

  it("sends no key when none is set and accepts a base URL with a trailing slash", async () => {
    stub = await startChatStub(() => ({ kind: "answer", verdict: "SEPARATE", reason: "Different in-app frames." }));
    const labeler = new LlmLabeler({ url: `${stub.url}/`, model: "m" });
    expect((await labeler.label(task, signal())).verdict).toBe("SEPARATE");
    expect(stub.calls[0]!.authorization).toBeUndefined();
  });

  it("counts tokens from usage: the total, else prompt plus completion", async () => {
    const total = await labelerFor((n) =>
      n === 1
        ? { kind: "answer", verdict: "UNSURE", reason: "Too few frames.", tokens: 1234 }
        : { kind: "answer", verdict: "UNSURE", reason: "Too few frames.", tokens: { prompt: 900, completion: 30 } },
    );
    expect((await total.label(task, signal())).tokens).toBe(1234);
    expect((await total.label(task, signal())).tokens).toBe(930);
  });

  it("accepts an answer in one ```json fenced block", async () => {
    const labeler = await labelerFor({
      kind: "content",
      content: '\n```json\n{"verdict": "SEPARATE", "reason": "Different crash frames."}\n```\n',
    });
    expect(await labeler.label(task, signal())).toMatchObject({
      verdict: "SEPARATE",
      reason: "Different crash frames.",
    });
  });

  it.each([
    ["not JSON", "I think these should be grouped.", /not exactly one JSON object/],
    ["a verdict outside the three", '{"verdict": "MAYBE", "reason": "Hard to say."}', /verdict must be GROUP/],
    ["a lowercase verdict", '{"verdict": "group", "reason": "Same frames."}', /verdict must be GROUP/],
    ["no reason", '{"verdict": "GROUP"}', /reason/],
    ["an empty reason", '{"verdict": "GROUP", "reason": "   "}', /reason must not be empty/],
    [
      "two JSON objects",
      '{"verdict": "GROUP", "reason": "a"}\n{"verdict": "SEPARATE", "reason": "b"}',
      /not exactly one JSON object/,
    ],
    ["extra prose", 'Here is my answer: {"verdict": "GROUP", "reason": "a"}', /not exactly one JSON object/],
    ["a JSON array", '[{"verdict": "GROUP", "reason": "a"}]', /not an object/],
    [
      "two fenced blocks",
      '```json\n{"verdict": "GROUP", "reason": "a"}\n```\n```json\n{"verdict": "GROUP", "reason": "b"}\n```',
      /more than one fenced block/,
    ],
  ])("rejects %s as a malformed answer", async (_, content, message) => {
    const labeler = await labelerFor({ kind: "content", content });
    const error = await labeler.label(task, signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedAnswerError);
    expect((error as Error).message).toMatch(message);
  });

  it("rejects a response that is not a chat completion", async () => {
    const labeler = await labelerFor({ kind: "status", status: 200, body: '{"choices": []}' });
    await expect(labeler.label(task, signal())).rejects.toThrow(MalformedAnswerError);
  });

  it("caps a long reason at 1000 characters", async () => {
    const labeler = await labelerFor({ kind: "answer", verdict: "SEPARATE", reason: "x".repeat(5000) });
    expect((await labeler.label(task, signal())).reason).toHaveLength(1000);
  });

  it("refuses a response body over 1 MiB without reading it all", async () => {
    let pulled = 0;
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const labeler = new LlmLabeler({
      url: "http://model.invalid/v1",
      model: "m",
      fetch: async () => new Response(huge, { status: 200 }),
    });
    await expect(labeler.label(task, signal())).rejects.toThrow(MalformedAnswerError);
    expect(pulled).toBeLessThan(MAX_RESPONSE_BYTES * 2);
  });

  it("retries a 429 after the server's Retry-After", async () => {
    const labeler = await labelerFor({ kind: "status", status: 429, retryAfter: "2" });
    const error = await labeler.label(task, signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableLabelerError);
    expect((error as RetryableLabelerError).retryAfterMs).toBe(2000);
  });

  it("reads Retry-After as seconds or an HTTP date, and null otherwise", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("-1", now)).toBeNull();
  });

  it("retries a 503, with no Retry-After", async () => {
    const labeler = await labelerFor({ kind: "status", status: 503 });
    const error = await labeler.label(task, signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableLabelerError);
    expect((error as RetryableLabelerError).retryAfterMs).toBeNull();
    expect((error as Error).message).toContain("503");
  });

  it("does not retry a 401: the key is wrong", async () => {
    const labeler = await labelerFor(
      { kind: "status", status: 401, body: '{"error": {"message": "Incorrect API key provided"}}' },
      { apiKey: "sk-wrong" },
    );
    const error = await labeler.label(task, signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(RetryableLabelerError);
    expect(error).not.toBeInstanceOf(MalformedAnswerError);
    expect((error as Error).message).toMatch(/401.*Incorrect API key/);
  });

  it("retries when the server cannot be reached", async () => {
    const closed = await startChatStub(() => ({ kind: "hang" }));
    await closed.close();
    const labeler = new LlmLabeler({ url: closed.url, model: "m" });
    await expect(labeler.label(task, signal())).rejects.toThrow(RetryableLabelerError);
  });

  it("gives up on a server that never answers, as a retryable timeout", async () => {
    const labeler = await labelerFor({ kind: "hang" }, { timeoutMs: 200 });
    const started = Date.now();
    const error = await labeler.label(task, signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableLabelerError);
    expect((error as Error).message).toContain("timed out after 200 ms");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("stops when the caller aborts, with the caller's abort", async () => {
    const labeler = await labelerFor({ kind: "hang" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await labeler.label(task, controller.signal).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(RetryableLabelerError);
    expect((error as Error).name).toBe("AbortError");
  });
});

describe("renderPrompt", () => {
  it("keeps the rows nearest the crash and says how many were left out", () => {
    const many: AlignmentRow[] = Array.from({ length: 500 }, (_, i) => ({
      kind: "equal",
      left: frame("app.deep", `level_${i}`, i),
      right: frame("app.deep", `level_${i}`, i),
      firstDivergence: false,
    }));
    const { user } = renderPrompt({ ...task, rows: many, firstDivergingIndex: null });
    const rendered = user.split("\n").filter((line) => /^#\d+ /.test(line));
    expect(rendered.length).toBeLessThanOrEqual(MAX_PROMPT_ROWS);
    expect(user).toContain("420 earlier rows left out");
    expect(user).toContain("level_499");
    expect(user).not.toContain("level_419:");
  });

  it("marks the first divergence and cuts long messages and context lines", () => {
    const long = "y".repeat(2000);
    const { user } = renderPrompt({
      ...task,
      left: { ...task.left, exceptions: [{ type: "ValueError", value: long }] },
      rows: [
        ...rows,
        { kind: "only-left", left: frame("app.x", "f", 1, true, long), right: null, firstDivergence: false },
      ],
    });
    expect(user).toMatch(/#2 changed <<< FIRST DIVERGENCE: shop\.cart:render_line:12 \[in-app\]/);
    expect(user).not.toContain("y".repeat(301));
    expect(user).toContain("#3 only-left: app.x:f:1 [in-app]");
  });
});
