import { setTimeout as sleep } from "node:timers/promises";
import { parseEvent, type SentryEvent } from "@/engine/event/schema";
import type { PrismaClient } from "../db/client";
import { pythonErrorEvent } from "../testing/events";
import { ingestEvent } from "../ingest/pipeline";

/** Test data for the rollout tests: projects and events sent through the real ingest pipeline. */

let nextId = 5_000;

export async function createProject(prisma: PrismaClient, options: { model?: "v1" | "v2"; platform?: string } = {}) {
  const id = (nextId += 1);
  const project = await prisma.project.create({
    data: { id, slug: `rollout-${id}`, name: `Rollout ${id}`, platform: options.platform ?? "python" },
  });
  if (options.model === "v2")
    await prisma.featureFlag.create({ data: { projectId: id, key: "grouping_model", value: "v2" } });
  return { id, publicKey: project.publicKey, platform: project.platform, name: project.name };
}

/** A Python event whose exception header ("Type: value") decides its fixture embedding. */
export function pythonEvent(type: string, value: string, functions = ["main", "handle"]): SentryEvent {
  return pythonErrorEvent({ type, value, functions });
}

/** An event without a stack trace: fingerprinted, never sent to the AI step (ineligible). */
export function messageEvent(message: string): SentryEvent {
  const parsed = parseEvent({ platform: "python", message });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.event;
}

/** Ingests `count` distinct errors (each its own issue) and `ineligible` message events into the project. */
export async function ingestDistinctErrors(
  project: Awaited<ReturnType<typeof createProject>>,
  count: number,
  ineligible = 0,
) {
  for (let i = 0; i < count; i += 1) {
    await ingestEvent(project, pythonEvent(`Error${i}`, `failure number ${i}`, ["main", `step${i}`]));
  }
  for (let i = 0; i < ineligible; i += 1) await ingestEvent(project, messageEvent(`plain message ${"abcdefghij"[i]}`));
}

/** Polls until the check passes or the time is up. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}
