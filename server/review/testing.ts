import type { PrismaClient } from "../db/client";

let counter = 0;

/** A stored event (with a minimal Python stack trace) in a new issue of the project, for tests. */
export async function anEvent(
  prisma: PrismaClient,
  projectId: number,
  options: { type?: string; fn?: string; text?: string } = {},
): Promise<number> {
  counter += 1;
  const type = options.type ?? "ValueError";
  const group = await prisma.group.create({ data: { projectId, title: `${type}: ${counter}` } });
  const payload = {
    event_id: counter.toString(16).padStart(32, "0"),
    platform: "python",
    exception: {
      values: [
        {
          type,
          value: `bad ${counter}`,
          stacktrace: {
            frames: [
              { module: "app.main", function: "main", in_app: true, context_line: "run()" },
              { module: "app.work", function: options.fn ?? "work", in_app: true, context_line: "raise Error" },
            ],
          },
        },
      ],
    },
  };
  const event = await prisma.event.create({
    data: {
      eventId: `${Date.now().toString(16)}${counter.toString(16)}`.padStart(32, "0").slice(-32),
      projectId,
      groupId: group.id,
      platform: "python",
      title: `${type}: bad ${counter}`,
      payload,
      hashes: [`hash-${counter}-${Date.now()}`],
      groupingMethod: "new",
      embeddingText: options.text ?? `${type}: bad ${counter}`,
    },
  });
  return event.id;
}

/** A manual review pair of two new events of the project. */
export async function aPair(prisma: PrismaClient, projectId: number): Promise<number> {
  const [a, b] = [await anEvent(prisma, projectId), await anEvent(prisma, projectId)];
  const pair = await prisma.reviewPair.create({
    data: {
      projectId,
      platform: "python",
      eventAId: a,
      eventBId: b,
      source: "manual",
      v1Distance: 0.5,
      v2Distance: 0.5,
    },
  });
  return pair.id;
}
