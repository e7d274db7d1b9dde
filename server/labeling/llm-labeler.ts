import "server-only";
import { z } from "zod";
import {
  MalformedAnswerError,
  RetryableLabelerError,
  type Labeler,
  type LabelerAnswer,
  type LabelingTask,
} from "./labeler";
import { PROMPT_VERSION, renderPrompt } from "./prompt";

export interface LlmLabelerOptions {
  /** The OpenAI-compatible API's base URL, e.g. http://host:port/v1; the labeler POSTs to url + "/chat/completions". */
  url: string;
  model: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  apiKey?: string;
  /** How long one answer may take, in milliseconds (default 60,000). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** A larger response body is refused unread: a hostile or broken server must not grow memory. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;
export const MAX_REASON_CHARS = 1000;
const ERROR_EXCERPT_BYTES = 4096;
/** Tokens an answer (one JSON object with a verdict and a sentence or two) is allowed for in a budget. */
const ANSWER_TOKENS = 200;
const ERROR_EXCERPT_CHARS = 200;

// Codes (of the error or its cause, as undici reports them) that mean the connection failed, not the request.
const NETWORK_ERROR_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

const completionSchema = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string() }) }), {
      error: "the response has no choices[0].message.content string",
    })
    .min(1, { error: "the response has no choices" }),
  usage: z.unknown().optional(),
});

const tokenCount = z.number().int().nonnegative();
const usageSchema = z.object({
  total_tokens: tokenCount.nullish(),
  prompt_tokens: tokenCount.nullish(),
  completion_tokens: tokenCount.nullish(),
});

const answerSchema = z.object({
  verdict: z.enum(["GROUP", "SEPARATE", "UNSURE"], { error: "verdict must be GROUP, SEPARATE or UNSURE" }),
  reason: z
    .string({ error: "reason must be a string" })
    .trim()
    .min(1, { error: "reason must not be empty" })
    .transform((reason) => reason.slice(0, MAX_REASON_CHARS)),
});

/** Labels review pairs by asking a model behind an OpenAI-compatible chat-completions API. */
export class LlmLabeler implements Labeler {
  readonly name: string;
  readonly version = PROMPT_VERSION;
  private readonly endpoint: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: LlmLabelerOptions) {
    this.name = `llm:${options.model}`;
    this.endpoint = `${options.url.replace(/\/+$/, "")}/chat/completions`;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** The prompt's tokens (about 4 characters each) and room for the answer, before asking. */
  estimateTokens(task: LabelingTask): number {
    const prompt = renderPrompt(task);
    return Math.ceil((prompt.system.length + prompt.user.length) / 4) + ANSWER_TOKENS;
  }

  async label(task: LabelingTask, signal: AbortSignal): Promise<LabelerAnswer> {
    signal.throwIfAborted();
    const prompt = renderPrompt(task);
    const body = JSON.stringify({
      model: this.options.model,
      messages: [
        { role: "system", content: prompt.system },
        { role: "user", content: prompt.user },
      ],
      temperature: 0,
      response_format: { type: "json_object" },
    });
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;

    const timeout = AbortSignal.timeout(this.timeoutMs);
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      const response = await this.fetchImpl(this.endpoint, {
        method: "POST",
        headers,
        body,
        signal: AbortSignal.any([signal, timeout]),
      });
      status = response.status;
      retryAfter = response.headers.get("retry-after");
      if (response.ok) {
        const read = await readBounded(response, MAX_RESPONSE_BYTES);
        if (read.truncated) {
          throw new MalformedAnswerError(`the response body is larger than ${MAX_RESPONSE_BYTES} bytes`);
        }
        text = read.text;
      } else {
        text = (await readBounded(response, ERROR_EXCERPT_BYTES)).text;
      }
    } catch (error) {
      throw this.requestFailure(error, signal, timeout);
    }

    if (status === 429 || status === 408 || status >= 500) {
      const retryAfterMs = parseRetryAfter(retryAfter);
      throw new RetryableLabelerError(`the model server answered ${status}${excerpt(text)}`, retryAfterMs);
    }
    if (status < 200 || status >= 300) throw new Error(`the model server answered ${status}${excerpt(text)}`);

    const content = parseCompletion(text);
    const answer = parseAnswer(content.text);
    const tokens =
      content.usage?.total_tokens ??
      (content.usage?.prompt_tokens != null && content.usage.completion_tokens != null
        ? content.usage.prompt_tokens + content.usage.completion_tokens
        : Math.ceil((prompt.system.length + prompt.user.length + content.text.length) / 4));
    return { ...answer, tokens };
  }

  private requestFailure(error: unknown, signal: AbortSignal, timeout: AbortSignal): unknown {
    if (signal.aborted || error instanceof MalformedAnswerError) return error;
    if (timeout.aborted) return new RetryableLabelerError(`the model server timed out after ${this.timeoutMs} ms`);
    const code = errorCode(error) ?? errorCode((error as { cause?: unknown } | null)?.cause);
    if (code && NETWORK_ERROR_CODES.has(code)) {
      return new RetryableLabelerError(`the model server cannot be reached (${code}): ${(error as Error).message}`);
    }
    return error;
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Reads at most `limit` bytes of the body, then stops reading (the rest is never buffered). */
async function readBounded(response: Response, limit: number): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: "", truncated: false };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), truncated: false };
    const room = limit - bytes;
    if (value.byteLength > room) {
      text += decoder.decode(value.subarray(0, room));
      await reader.cancel().catch(() => {});
      return { text, truncated: true };
    }
    bytes += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
}

/** Retry-After as delay-seconds or an HTTP date; null when absent or unparsable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Date.parse also takes bare numbers ("-1" is a year): only a date with a month or weekday name is one.
  if (!/[a-z]{3}/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > ERROR_EXCERPT_CHARS ? `${line.slice(0, ERROR_EXCERPT_CHARS)}…` : line;
}

function excerpt(body: string): string {
  const line = clip(body);
  return line ? `: ${line}` : "";
}

function parseCompletion(text: string): { text: string; usage: z.infer<typeof usageSchema> | null } {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new MalformedAnswerError("the response body is not JSON");
  }
  const parsed = completionSchema.safeParse(payload);
  if (!parsed.success) {
    throw new MalformedAnswerError(
      `the response is not a chat completion: ${parsed.error.issues[0]?.message ?? "unexpected shape"}`,
    );
  }
  const content = (parsed.data.choices[0] as { message: { content: string } }).message.content;
  // Usage only prices the answer: a server that reports it oddly still answered.
  const usage = usageSchema.safeParse(parsed.data.usage);
  return { text: content, usage: usage.success ? usage.data : null };
}

// One fenced block (```json or ```), the whole content, is the only wrapping models add that is accepted.
const FENCED = /^```(?:json)?[ \t]*\r?\n?([\s\S]*?)```$/i;

function parseAnswer(content: string): Omit<LabelerAnswer, "tokens"> {
  let json = content.trim();
  const fenced = FENCED.exec(json);
  if (fenced) {
    json = (fenced[1] as string).trim();
    if (json.includes("```")) throw new MalformedAnswerError("the answer has more than one fenced block");
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new MalformedAnswerError(`the answer is not exactly one JSON object: ${JSON.stringify(clip(content))}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new MalformedAnswerError("the answer is JSON but not an object");
  }
  const parsed = answerSchema.safeParse(value);
  if (!parsed.success) {
    throw new MalformedAnswerError(`the answer is invalid: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  }
  return parsed.data;
}
