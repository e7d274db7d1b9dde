import "server-only";

/** What the grouping service needs of an embedding model: where its vectors live and when two are "the same". */
export interface GroupingModel {
  version: string;
  /** grouping_records column holding this model's vectors. */
  column: string;
  /** Dimension stored (after Matryoshka truncation). */
  dimension: number;
  /** Default cosine-distance threshold for should_group. */
  threshold: number;
  /** Thresholds for events of one platform, where the model was calibrated per platform. */
  platformThresholds?: Readonly<Record<string, number>>;
  status: "stable" | "next" | "retired";
}

/** The models the service can use and their embeddings (the inference service in production). */
export interface GroupingModels {
  get(version: string): GroupingModel | undefined;
  stable(): GroupingModel;
  next(): GroupingModel | undefined;
  embed(version: string, texts: string[]): Promise<number[][]>;
}
