import "server-only";

export interface EmbedOptions {
  /** Matryoshka prefix to return (default: the model's stored dimension). */
  dims?: number;
}

/** What the embed route and the grouping service use: in-process models or a remote inference instance. */
export interface InferenceService {
  /** Embeddings of `texts` with `model`, truncated to `dims` and L2-normalised, in the order given. */
  embed(model: string, texts: string[], opts?: EmbedOptions): Promise<number[][]>;
}
