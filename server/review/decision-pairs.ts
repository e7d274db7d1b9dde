import "server-only";
import { db } from "../db";
import { decisionSelect, modelAnswers, reviewableDecisions, type ModelAnswer } from "./model-answers";
import { projectKey } from "../projects/project-key";
import { eventsOfHashes } from "./pair-store";

export interface DecisionPair {
  decisionId: number;
  projectId: number;
  /** The decided event and the event that brought the matched hash in. */
  eventIds: [number, number];
  /** The answer that named this parent. */
  answer: ModelAnswer;
  answers: ModelAnswer[];
}

/**
 * The event pairs the AI decisions point at: each ingest decision's event with the parent each model found (the
 * live answer and the shadow answer), in decision order. Parents that no stored event carries are skipped.
 */
export async function decisionPairs(projectId?: number): Promise<DecisionPair[]> {
  const prisma = await db();
  const decisions = await prisma.groupingDecision.findMany({
    where: reviewableDecisions(projectId),
    select: decisionSelect,
    orderBy: { id: "asc" },
  });
  // Every parent at once: the event that brought each matched hash in.
  const parents = await eventsOfHashes(
    prisma,
    decisions.flatMap((decision) =>
      decision.eventId === null
        ? []
        : modelAnswers(decision).flatMap((answer) =>
            answer.parentHash ? [{ projectId: decision.projectId, hash: answer.parentHash }] : [],
          ),
    ),
  );
  const pairs: DecisionPair[] = [];
  for (const decision of decisions) {
    const answers = modelAnswers(decision);
    for (const answer of answers) {
      if (!answer.parentHash || decision.eventId === null) continue;
      const parent = parents.get(projectKey(decision.projectId, answer.parentHash));
      if (!parent || parent === decision.eventId) continue;
      pairs.push({
        decisionId: decision.id,
        projectId: decision.projectId,
        eventIds: [decision.eventId, parent],
        answer,
        answers,
      });
    }
  }
  return pairs;
}
