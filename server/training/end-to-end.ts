import "server-only";
import { boundEvent } from "@/lib/event/bound";
import { parseEvent } from "@/lib/event/schema";
import { fingerprintEvent } from "@/lib/fingerprinting";
import type { PrismaClient } from "../db/client";
import { invalidateProjectGroupingFlags } from "../ingest/flags";
import { bcubed, type BCubed } from "./bcubed";

/** A corpus event as the SDK sent it, with its label (corpus/README.md: the `corpus` sidecar). */
export interface CorpusEvent {
  eventId: string;
  app: string;
  rootCause: string;
  platform: string;
  /** When the SDK recorded it (ms since the epoch): the order events are replayed in. */
  at: number;
  /** The event without its sidecar: what a real SDK sends. */
  body: Record<string, unknown>;
}

/** The event's `timestamp` in ms: SDKs send seconds since the epoch (a float) or an ISO 8601 string. */
function timestampOf(body: Record<string, unknown>): number {
  const value = body.timestamp;
  if (typeof value === "number") return value * 1000;
  if (typeof value === "string") {
    const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
    if (!Number.isNaN(ms)) return ms;
  }
  return 0;
}

/** The labeled events of a corpus file (events without a sidecar are left out), in the order they happened. */
export function corpusEvents(events: Map<string, unknown>): CorpusEvent[] {
  const out: CorpusEvent[] = [];
  for (const [eventId, value] of events) {
    const { corpus, ...body } = value as { corpus?: { app?: string; root_cause?: string }; [field: string]: unknown };
    if (!corpus?.app || !corpus.root_cause) continue;
    out.push({
      eventId,
      app: corpus.app,
      rootCause: corpus.root_cause,
      platform: typeof body.platform === "string" ? body.platform : "other",
      at: timestampOf(body),
      body,
    });
  }
  return out.sort((a, b) => a.at - b.at || a.eventId.localeCompare(b.eventId));
}

export interface AppOutcome {
  app: string;
  platform: string;
  events: number;
  rootCauses: number;
  issues: number;
  /** Events the endpoint did not accept (status and message of the first). */
  rejected: number;
  firstRejection?: string;
  bcubed: BCubed;
  /** How each stored event was grouped: by a fingerprint already known, by an AI merge, or into a new issue. */
  methods: { fingerprint: number; ai: number; new: number };
  /** AI merges whose event has the root cause of the issue's first event. */
  aiMergesCorrect: number;
  /** AI merges the stable model made on fallback (the next model found nothing near), and how many were right. */
  fallbackMerges: number;
  fallbackMergesCorrect: number;
  /** The issue ids of this replay's events with their true root causes, for totals across apps. */
  items: { cluster: string; truth: string }[];
}

export interface ReplayOptions {
  /** The app's base URL: events go to its store endpoint, as an SDK sends them. */
  baseUrl: string;
  prisma: PrismaClient;
  /** The model every project groups with (the `grouping_model` flag; the fallback to the stable model stays on). */
  model: string;
  /** Project ids firstProjectId, firstProjectId + 1, … are created, one per app, and must be free. */
  firstProjectId: number;
  onEvent?: () => void;
}

/**
 * Replays corpus events through the real ingest path: one fresh project per app on `model`, each event POSTed to
 * `/api/<id>/store/` in the order it happened, one at a time; then scores the issues regroup made against the
 * true root causes (B-cubed) and checks each AI merge against the root cause of the issue it joined.
 */
export async function replayEndToEnd(events: readonly CorpusEvent[], options: ReplayOptions): Promise<AppOutcome[]> {
  const { prisma, model } = options;
  const apps = [...new Set(events.map((e) => e.app))].sort();
  const projects = new Map<string, { id: number; publicKey: string }>();
  for (const [index, app] of apps.entries()) {
    const id = options.firstProjectId + index;
    const platform = events.find((e) => e.app === app)!.platform;
    const project = await prisma.project.create({
      data: { id, slug: `e2e-${model}-${app}`, name: `${app} (${model})`, platform },
    });
    await prisma.featureFlag.create({ data: { projectId: id, key: "grouping_model", value: model } });
    projects.set(app, { id, publicKey: project.publicKey });
  }
  await invalidateProjectGroupingFlags([...projects.values()].map((p) => p.id));

  const rejections = new Map<string, { count: number; first: string }>();
  for (const event of events) {
    const project = projects.get(event.app)!;
    const response = await fetch(`${options.baseUrl}/api/${project.id}/store/`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-sentry-auth": `Sentry sentry_key=${project.publicKey}, sentry_version=7, sentry_client=regroup-eval/1`,
      },
      body: JSON.stringify(event.body),
    });
    if (!response.ok) {
      const seen = rejections.get(event.app) ?? { count: 0, first: `${response.status} ${await response.text()}` };
      rejections.set(event.app, { ...seen, count: seen.count + 1 });
    } else await response.body?.cancel();
    options.onEvent?.();
  }

  const outcomes: AppOutcome[] = [];
  for (const app of apps) {
    const project = projects.get(app)!;
    const stored = await prisma.event.findMany({
      where: { projectId: project.id },
      select: {
        eventId: true,
        groupId: true,
        groupingMethod: true,
        decisions: { where: { shouldGroup: true, readOnly: false, fallback: true }, select: { id: true } },
      },
      orderBy: { id: "asc" },
    });
    const placements = stored.map((row) => ({
      eventId: row.eventId.trim(),
      issue: `${model}:${row.groupId}`,
      method: row.groupingMethod,
      fallback: row.groupingMethod === "ai" && row.decisions.length > 0,
    }));
    const rejected = rejections.get(app);
    outcomes.push({
      ...scorePlacements(
        app,
        events.filter((e) => e.app === app),
        placements,
      ),
      rejected: rejected?.count ?? 0,
      firstRejection: rejected?.first,
    });
  }
  return outcomes;
}

/** Where one event went: its issue, how it got there, and whether an AI merge was the stable model's fallback. */
export interface Placement {
  eventId: string;
  issue: string;
  method: "fingerprint" | "ai" | "new";
  fallback: boolean;
}

/** Scores the issues one app's events went to (placements in arrival order) against their root causes. */
export function scorePlacements(
  app: string,
  events: readonly CorpusEvent[],
  placements: readonly Placement[],
): Omit<AppOutcome, "rejected" | "firstRejection"> {
  const truthOf = new Map(events.map((e) => [e.eventId, e.rootCause]));
  const founder = new Map<string, string>();
  const methods = { fingerprint: 0, ai: 0, new: 0 };
  let aiMergesCorrect = 0;
  let fallbackMerges = 0;
  let fallbackMergesCorrect = 0;
  const items: AppOutcome["items"] = [];
  for (const placement of placements) {
    const truth = truthOf.get(placement.eventId) ?? "(unknown)";
    if (!founder.has(placement.issue)) founder.set(placement.issue, truth);
    methods[placement.method]++;
    const correct = founder.get(placement.issue) === truth;
    if (placement.method === "ai" && correct) aiMergesCorrect++;
    if (placement.fallback) {
      fallbackMerges++;
      if (correct) fallbackMergesCorrect++;
    }
    items.push({ cluster: placement.issue, truth: `${app}:${truth}` });
  }
  return {
    app,
    platform: events[0]?.platform ?? "other",
    events: events.length,
    rootCauses: new Set(events.map((e) => e.rootCause)).size,
    issues: founder.size,
    bcubed: bcubed(items),
    methods,
    aiMergesCorrect,
    fallbackMerges,
    fallbackMergesCorrect,
    items,
  };
}

/**
 * The floor every model starts from: the same events grouped by their fingerprints alone (no AI step), with the
 * ingest path's rule that an event joins the issue of the first of its hashes already known, and brings its other
 * hashes along. What this merges wrongly, no model can undo; what it splits is what the AI step is for.
 */
export function fingerprintOnly(events: readonly CorpusEvent[]): AppOutcome[] {
  const apps = [...new Set(events.map((e) => e.app))].sort();
  return apps.map((app) => {
    const own = events.filter((e) => e.app === app);
    const issueOf = new Map<string, string>();
    const placements: Placement[] = own.map((e) => {
      const parsed = parseEvent(e.body);
      const event = parsed.ok ? boundEvent(parsed.event).event : null;
      const hashes = event ? fingerprintEvent({ ...event, platform: event.platform || e.platform }).hashes : [];
      const known = hashes.find((hash) => issueOf.has(hash));
      const issue = known ? issueOf.get(known)! : `fingerprint:${e.eventId}`;
      for (const hash of hashes) if (!issueOf.has(hash)) issueOf.set(hash, issue);
      return { eventId: e.eventId, issue, method: known ? "fingerprint" : "new", fallback: false };
    });
    return { ...scorePlacements(app, own, placements), rejected: 0 };
  });
}

/** The outcomes of several apps as one: B-cubed over all their events, counts summed. */
export function totalOutcome(outcomes: readonly AppOutcome[]): Omit<AppOutcome, "app" | "platform" | "firstRejection"> {
  const sum = (pick: (o: AppOutcome) => number) => outcomes.reduce((total, o) => total + pick(o), 0);
  const items = outcomes.flatMap((o) => o.items);
  return {
    events: sum((o) => o.events),
    rootCauses: sum((o) => o.rootCauses),
    issues: sum((o) => o.issues),
    rejected: sum((o) => o.rejected),
    bcubed: bcubed(items),
    methods: {
      fingerprint: sum((o) => o.methods.fingerprint),
      ai: sum((o) => o.methods.ai),
      new: sum((o) => o.methods.new),
    },
    aiMergesCorrect: sum((o) => o.aiMergesCorrect),
    fallbackMerges: sum((o) => o.fallbackMerges),
    fallbackMergesCorrect: sum((o) => o.fallbackMergesCorrect),
    items,
  };
}
