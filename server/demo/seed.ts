import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Database } from "../db/client";
import { demoProjects, type DemoIssue, type DemoProject } from "./dataset";

const HOUR_MS = 3_600_000;

function eventPayload(project: DemoProject, issue: DemoIssue, eventId: string, timestamp: Date) {
  return {
    event_id: eventId,
    platform: project.platform,
    timestamp: timestamp.toISOString(),
    exception: {
      values: [
        {
          type: issue.type,
          value: issue.value,
          stacktrace: {
            frames: issue.frames.map((f) => ({
              module: f.module,
              function: f.function,
              filename: f.filename,
              lineno: f.lineno,
              in_app: f.inApp,
            })),
          },
        },
      ],
    },
  };
}

/** Loads the demo dataset when the database has no projects yet; returns whether it did. */
export async function seedDemoData(database: Database, now = new Date()): Promise<boolean> {
  const { prisma } = database;
  if ((await prisma.project.count()) > 0) return false;

  await prisma.$transaction(async (tx) => {
    for (const project of demoProjects) {
      await tx.project.create({
        data: { id: project.id, slug: project.slug, name: project.name, platform: project.platform },
      });
      for (const [issueIndex, issue] of project.issues.entries()) {
        const crashFrame = issue.frames.at(-1);
        const firstSeen = new Date(now.getTime() - (issueIndex + 2) * 24 * HOUR_MS);
        // Spread the events between the issue's first sighting and an hour ago.
        const span = now.getTime() - HOUR_MS - firstSeen.getTime();
        const times = Array.from({ length: issue.events }, (_, i) => new Date(firstSeen.getTime() + (span * i) / issue.events));
        const group = await tx.group.create({
          data: {
            projectId: project.id,
            title: `${issue.type}: ${issue.value}`.slice(0, 200),
            culprit: crashFrame ? `${crashFrame.module} in ${crashFrame.function}` : null,
            firstSeen,
            lastSeen: times.at(-1) ?? firstSeen,
            timesSeen: issue.events,
          },
        });
        const hash = createHash("md5").update(`${project.id}:${issue.type}:${issue.frames.map((f) => f.function).join(">")}`).digest("hex");
        await tx.groupHash.create({ data: { projectId: project.id, hash, groupId: group.id } });
        await tx.event.createMany({
          data: times.map((receivedAt, i) => {
            const eventId = randomUUID().replaceAll("-", "");
            return {
              eventId,
              projectId: project.id,
              groupId: group.id,
              platform: project.platform,
              title: group.title,
              payload: eventPayload(project, issue, eventId, receivedAt),
              hashes: [hash],
              // The first event created the issue; the later ones joined it by their fingerprint hash.
              groupingMethod: i === 0 ? ("new" as const) : ("fingerprint" as const),
              receivedAt,
            };
          }),
        });
      }
    }
  });
  return true;
}
