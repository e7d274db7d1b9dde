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
  /** Every model, in version order (a source that leaves it out has only its stable and next ones). */
  list?(): GroupingModel[];
  embed(version: string, texts: string[]): Promise<number[][]>;
}

/** The model a project's flag names while it is served; a retired or unknown one leaves the project on the stable one. */
export function projectModel(models: GroupingModels, flagged: string): GroupingModel {
  const model = models.get(flagged);
  return model && model.status !== "retired" ? model : models.stable();
}

/**
 * The model whose index a project's live traffic backfills (training calls): the project's own model when it is a next
 * model (one it was flipped to, not the stable one every project falls back to).
 */
export function trainingModelOf(models: GroupingModels, flagged: string): string | undefined {
  const model = projectModel(models, flagged);
  return model.status === "next" ? model.version : undefined;
}

/** The read-only companion of a project's model on the same event: the stable model, or for a stable project the next. */
export function shadowModelOf(models: GroupingModels, live: GroupingModel): GroupingModel | undefined {
  const shadow = live.status === "stable" ? models.next() : models.stable();
  return shadow && shadow.version !== live.version ? shadow : undefined;
}

/** The models a project may be on (not retired), in version order: the stable one and every next one. */
export function servedModels(models: GroupingModels): GroupingModel[] {
  const all = models.list?.() ?? [models.stable(), models.next()].flatMap((model) => (model ? [model] : []));
  return all.filter((model) => model.status !== "retired");
}
