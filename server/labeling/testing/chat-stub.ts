import http from "node:http";
import type { AddressInfo } from "node:net";
import type { AutomatedVerdict } from "../labeler";

/** What the stub answers to one call. */
export type StubReply =
  /** A well-formed completion; tokens as a number is usage.total_tokens, as a pair only the prompt/completion counts. */
  | {
      kind: "answer";
      verdict: AutomatedVerdict;
      reason: string;
      tokens?: number | { prompt: number; completion: number };
    }
  /** A completion whose message content is exactly this (for malformed answers). */
  | { kind: "content"; content: string }
  /** An error status, with an optional Retry-After header and body (an OpenAI-style error envelope by default). */
  | { kind: "status"; status: number; retryAfter?: string; body?: string }
  /** Never answers: the client has to give up. */
  | { kind: "hang" };

export interface StubCall {
  n: number;
  body: unknown;
  authorization: string | undefined;
}

export interface ChatStub {
  /** The base URL, ending in /v1. */
  url: string;
  calls: StubCall[];
  close(): Promise<void>;
}

type Script = (call: StubCall) => StubReply | Promise<StubReply>;

function completion(model: unknown, content: string, usage?: Record<string, number>) {
  return {
    id: "chatcmpl-stub",
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: typeof model === "string" ? model : "stub",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    ...(usage ? { usage } : {}),
  };
}

function usageOf(
  tokens: number | { prompt: number; completion: number } | undefined,
): Record<string, number> | undefined {
  if (tokens === undefined) return undefined;
  if (typeof tokens === "number") {
    const completionTokens = Math.min(tokens, 20);
    return { prompt_tokens: tokens - completionTokens, completion_tokens: completionTokens, total_tokens: tokens };
  }
  return { prompt_tokens: tokens.prompt, completion_tokens: tokens.completion };
}

function send(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(body);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * An OpenAI-compatible chat-completions server on a loopback port (POST /v1/chat/completions) that answers each
 * call as the script says; it records every call.
 */
export async function startChatStub(script: Script): Promise<ChatStub> {
  const calls: StubCall[] = [];
  const server = http.createServer(async (req, res) => {
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      send(res, 404, JSON.stringify({ error: { message: "no such route", type: "invalid_request_error" } }));
      return;
    }
    const body = await readJson(req);
    const call = { n: calls.length + 1, body, authorization: req.headers.authorization };
    calls.push(call);
    let reply: StubReply;
    try {
      reply = await script(call);
    } catch (error) {
      send(res, 500, JSON.stringify({ error: { message: `stub script failed: ${(error as Error).message}` } }));
      return;
    }
    const model = (body as { model?: unknown } | null)?.model;
    switch (reply.kind) {
      case "answer": {
        const content = JSON.stringify({ verdict: reply.verdict, reason: reply.reason });
        send(res, 200, JSON.stringify(completion(model, content, usageOf(reply.tokens))));
        return;
      }
      case "content":
        send(res, 200, JSON.stringify(completion(model, reply.content)));
        return;
      case "status":
        send(
          res,
          reply.status,
          reply.body ?? JSON.stringify({ error: { message: `stub status ${reply.status}`, type: "stub_error" } }),
          reply.retryAfter !== undefined ? { "retry-after": reply.retryAfter } : {},
        );
        return;
      case "hang":
        // Left open: close() drops the connection.
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Hung and keep-alive connections would hold close() open forever.
        server.closeAllConnections();
      }),
  };
}
