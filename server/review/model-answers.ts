import "server-only";

/** The columns of a grouping decision that say what each model answered. */
export interface DecisionRow {
  id: number;
  projectId: number;
  eventId: number | null;
  modelRequested: string;
  modelUsed: string;
  fallback: boolean;
  parentHash: string | null;
  distance: number | null;
  shouldGroup: boolean;
  shadowModel: string | null;
  shadowParentHash: string | null;
  shadowDistance: number | null;
  shadowShouldGroup: boolean | null;
}

export interface ModelAnswer {
  model: string;
  parentHash: string | null;
  distance: number | null;
  wouldMerge: boolean;
}

/**
 * What each model answered for one event: the live model (when it fell back, the requested model found nothing
 * within its threshold, and the stable model's answer is the one that counted) and the shadow model.
 */
export function modelAnswers(decision: DecisionRow): ModelAnswer[] {
  const answers: ModelAnswer[] = [];
  if (decision.fallback) {
    answers.push({ model: decision.modelRequested, parentHash: null, distance: null, wouldMerge: false });
  }
  answers.push({
    model: decision.modelUsed,
    parentHash: decision.parentHash,
    distance: decision.distance,
    wouldMerge: decision.shouldGroup,
  });
  if (decision.shadowModel && !answers.some((answer) => answer.model === decision.shadowModel)) {
    answers.push({
      model: decision.shadowModel,
      parentHash: decision.shadowParentHash,
      distance: decision.shadowDistance,
      wouldMerge: decision.shadowShouldGroup ?? false,
    });
  }
  return answers;
}

/** The select that loads a DecisionRow. */
export const decisionSelect = {
  id: true,
  projectId: true,
  eventId: true,
  modelRequested: true,
  modelUsed: true,
  fallback: true,
  parentHash: true,
  distance: true,
  shouldGroup: true,
  shadowModel: true,
  shadowParentHash: true,
  shadowDistance: true,
  shadowShouldGroup: true,
} as const;

/** Ingest decisions (not read-only lookups, not training calls) with their event, in id order. */
export const reviewableDecisions = (projectId?: number) => ({
  readOnly: false,
  trainingMode: false,
  eventId: { not: null },
  ...(projectId === undefined ? {} : { projectId }),
});
