import "server-only";
import { HttpError, ServiceUnavailableError } from "../http/errors";
import { groupingApiSecret, signatureHeader } from "../http/rpc-signature";
import { embedResponseSchema, MAX_TEXTS_PER_REQUEST, type EmbedRequest } from "@/lib/contracts/inference";
import type { EmbedOptions, InferenceService } from "./service";

/** Calls another regroup instance's POST /api/embed (INFERENCE_URL), signed with the shared secret. */
export class RemoteInferenceService implements InferenceService {
  constructor(
    private readonly baseUrl: string,
    private readonly secret: () => string = groupingApiSecret,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async embed(model: string, texts: string[], opts: EmbedOptions = {}): Promise<number[][]> {
    const chunks: string[][] = [];
    for (let i = 0; i < texts.length; i += MAX_TEXTS_PER_REQUEST)
      chunks.push(texts.slice(i, i + MAX_TEXTS_PER_REQUEST));
    const results = await Promise.all(
      chunks.map((chunk) => this.call({ model, texts: chunk, ...(opts.dims ? { dims: opts.dims } : {}) })),
    );
    return results.flat();
  }

  private async call(request: EmbedRequest): Promise<number[][]> {
    const body = JSON.stringify(request);
    const url = new URL("/api/embed", this.baseUrl);
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: signatureHeader(body, this.secret()) },
        body,
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new ServiceUnavailableError(
        `The inference service at ${url.origin} cannot be reached: ${(error as Error).message}`,
      );
    }
    const payload: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const message = (payload as { error?: { message?: string } } | undefined)?.error?.message ?? response.statusText;
      // Caller mistakes (unknown model, bad dims) keep their 4xx; anything else means inference is down.
      if (response.status >= 400 && response.status < 500 && response.status !== 401) {
        throw new HttpError(response.status, "inference_rejected", message);
      }
      throw new ServiceUnavailableError(
        `The inference service at ${url.origin} answered ${response.status}: ${message}`,
      );
    }
    const parsed = embedResponseSchema.safeParse(payload);
    if (!parsed.success || parsed.data.embeddings.length !== request.texts.length) {
      throw new ServiceUnavailableError(`The inference service at ${url.origin} sent an unexpected response.`);
    }
    return parsed.data.embeddings;
  }
}
