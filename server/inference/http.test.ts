import { beforeAll, describe, expect, it } from "vitest";
import { signatureHeader } from "../http/rpc-signature";
import { tinyModelsDir } from "./testing/tiny-models";

const secret = "test-embed-secret-at-least-32-characters";
let embedHandler: (request: Request) => Promise<Response>;
let RemoteInferenceService: typeof import("./remote-service").RemoteInferenceService;

beforeAll(async () => {
  process.env.MODELS_DIR = tinyModelsDir();
  process.env.GROUPING_API_SECRET = secret;
  process.env.INFERENCE_DEVICE = "cpu";
  ({ embedHandler } = await import("./http"));
  ({ RemoteInferenceService } = await import("./remote-service"));
});

function post(body: unknown, sign = true): Promise<Response> {
  const text = JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (sign) headers.authorization = signatureHeader(text, secret);
  return embedHandler(new Request("http://localhost/api/embed", { method: "POST", body: text, headers }));
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

const text =
  "TypeError: Cannot read properties of undefined (reading 'price')\n  File \"cart.tsx\", function renderLine";

describe("POST /api/embed", () => {
  it("embeds signed requests at the stored dimension, or the dims asked for", async () => {
    const response = await post({ model: "v2", texts: [text, `${text}\n  File "x.ts", function y`] });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { model: string; dims: number; embeddings: number[][] };
    expect(body.model).toBe("v2");
    expect(body.dims).toBe(64);
    expect(body.embeddings).toHaveLength(2);
    expect(body.embeddings[0]).toHaveLength(64);
    const wide = (await (await post({ model: "v2", texts: [text], dims: 768 })).json()) as { dims: number };
    expect(wide.dims).toBe(768);
  });

  it("refuses unsigned calls", async () => {
    const response = await post({ model: "v2", texts: [text] }, false);
    expect(response.status).toBe(401);
  });

  it("says which models exist when the model is unknown", async () => {
    const response = await post({ model: "v7", texts: [text] });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toEqual({
      code: "unknown_model",
      message: 'Unknown model "v7"; known models: v1, v2.',
    });
  });

  it("names the empty text", async () => {
    const response = await post({ model: "v2", texts: [text, "   "] });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain("texts.1: must not be empty");
  });

  it("refuses more than 64 texts and an empty list", async () => {
    const many = await post({ model: "v1", texts: Array.from({ length: 65 }, () => text) });
    expect(many.status).toBe(400);
    expect((await errorOf(many)).message).toContain("at most 64 texts per request");
    const none = await post({ model: "v1", texts: [] });
    expect((await errorOf(none)).message).toContain("send at least one text");
  });

  it("rejects dims larger than the model produces", async () => {
    const response = await post({ model: "v2", texts: [text], dims: 4096 });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/produces 768 dimensions/);
  });

  it("serves a remote InferenceService (INFERENCE_URL) with the same vectors, chunked by 64", async () => {
    const calls: number[] = [];
    const remote = new RemoteInferenceService(
      "http://inference.internal:3000",
      () => secret,
      async (url, init) => {
        calls.push((JSON.parse(String(init?.body)) as { texts: string[] }).texts.length);
        return embedHandler(new Request(url, init));
      },
    );
    const texts = Array.from({ length: 70 }, (_, i) => `${text}\n  File "f${i}.ts", function g${i}`);
    const vectors = await remote.embed("v2", texts);
    expect(calls).toEqual([64, 6]);
    expect(vectors).toHaveLength(70);
    const direct = (await (await post({ model: "v2", texts: [texts[5]] })).json()) as { embeddings: number[][] };
    vectors[5]?.forEach((x, i) => expect(x).toBeCloseTo(direct.embeddings[0]?.[i] as number, 6));
    await expect(remote.embed("v9", [text])).rejects.toMatchObject({ status: 400 });
  });
});
