// Turns captured SDK bodies into labeled events (the label rides in a tag the apps set, moved here into a
// `corpus` sidecar and removed from the payload) and samples labeled pairs within each app.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eventsInBody } from "./capture-server.mjs";
import { seededRandom, seedOf } from "./random.mjs";

export const CASE_TAG = "corpus_case";

function takeCaseTag(event) {
  const tags = event.tags;
  if (Array.isArray(tags)) {
    const index = tags.findIndex((t) => Array.isArray(t) && t[0] === CASE_TAG);
    if (index < 0) return undefined;
    const [, value] = tags.splice(index, 1)[0];
    return value;
  }
  if (tags && typeof tags === "object" && CASE_TAG in tags) {
    const value = tags[CASE_TAG];
    delete tags[CASE_TAG];
    if (Object.keys(tags).length === 0) delete event.tags;
    return value;
  }
  return undefined;
}

/** Reads one run's captured bodies and returns its labeled events, in a stable order, with stable ids. */
export function labeledEvents(folder, { app, release, split, rewrites, processEvent = (event) => event }) {
  const out = [];
  const unlabeled = [];
  if (!fs.existsSync(folder)) return { events: out, unlabeled };
  for (const name of fs.readdirSync(folder).sort()) {
    const kind = path.extname(name).slice(1);
    // The apps ran from a scratch folder; their paths become the deploy folder they would have in production.
    let body = fs.readFileSync(path.join(folder, name)).toString("utf8");
    for (const [from, to] of rewrites) body = body.replaceAll(from, to);
    for (const event of eventsInBody(kind, Buffer.from(body, "utf8")).map(processEvent)) {
      const label = takeCaseTag(event);
      if (!label) {
        unlabeled.push(event);
        continue;
      }
      const [rootCause, entryPoint, occurrence] = String(label).split("|");
      out.push({ event, rootCause, entryPoint, occurrence: occurrence ?? "0" });
    }
  }
  out.sort((x, y) =>
    `${x.rootCause}|${x.entryPoint}|${x.occurrence.padStart(4, "0")}`.localeCompare(
      `${y.rootCause}|${y.entryPoint}|${y.occurrence.padStart(4, "0")}`,
    ),
  );
  const seen = new Map();
  const events = out.map(({ event, rootCause, entryPoint, occurrence }) => {
    const key = `${app}|${release}|${rootCause}|${entryPoint}|${occurrence}`;
    const repeat = seen.get(key) ?? 0;
    seen.set(key, repeat + 1);
    const eventId = crypto.createHash("sha256").update(`${key}|${repeat}`).digest("hex").slice(0, 32);
    return {
      ...event,
      event_id: eventId,
      corpus: { app, release, root_cause: rootCause, entry_point: entryPoint, split },
    };
  });
  return { events, unlabeled };
}

function exceptionsOf(event) {
  // sentry-go sends a bare list of exceptions; the other SDKs send {values: [...]}.
  if (Array.isArray(event.exception)) return event.exception;
  return event.exception?.values ?? [];
}

/** The chain of exception types (Sentry lists chained exceptions oldest first, the one captured last). */
export function crashType(event) {
  return exceptionsOf(event)
    .map((exception) => exception.type)
    .join(" > ");
}

function frameSet(event) {
  const set = new Set();
  for (const exception of exceptionsOf(event))
    for (const frame of exception.stacktrace?.frames ?? [])
      set.add(`${frame.module ?? frame.filename ?? "?"}:${frame.function ?? "?"}`);
  return set;
}

function jaccard(a, b) {
  let common = 0;
  for (const item of a) if (b.has(item)) common++;
  const union = a.size + b.size - common;
  return union ? common / union : 0;
}

/**
 * Pairs within one app: for each event, up to one easy positive (same root cause, same entry point), one hard
 * positive (same root cause, another entry point), two hard negatives (another root cause with the same
 * exception type and mostly the same frames, Jaccard ≥ 0.5, the most alike first) and one easy negative.
 */
export function samplePairs(events, { app, platform }) {
  const random = seededRandom(seedOf(`pairs:${app}`));
  const info = events.map((event) => ({ event, type: crashType(event), frames: frameSet(event) }));
  const pairs = [];
  const seen = new Set();
  const add = (a, b, kind) => {
    const key = a.event.event_id < b.event.event_id ? `${a.event.event_id}|${b.event.event_id}` : `${b.event.event_id}|${a.event.event_id}`;
    if (a === b || seen.has(key)) return false;
    seen.add(key);
    const group = a.event.corpus.root_cause === b.event.corpus.root_cause;
    pairs.push({
      query: a.event.event_id,
      candidate: b.event.event_id,
      label: group ? "GROUP" : "SEPARATE",
      platform,
      project: app,
      kind,
    });
    return true;
  };
  const takeOne = (query, candidates, kind) => {
    for (const candidate of random.shuffle(candidates)) if (add(query, candidate, kind)) return;
  };
  for (const query of info) {
    const { root_cause: cause, entry_point: entry } = query.event.corpus;
    const same = info.filter((o) => o !== query && o.event.corpus.root_cause === cause);
    takeOne(query, same.filter((o) => o.event.corpus.entry_point === entry), "easy_pos");
    takeOne(query, same.filter((o) => o.event.corpus.entry_point !== entry), "hard_pos");
    const others = info.filter((o) => o.event.corpus.root_cause !== cause);
    const alike = others
      .filter((o) => o.type === query.type)
      .map((o) => ({ o, score: jaccard(query.frames, o.frames) + random.next() * 0.05 }))
      .filter(({ score }) => score >= 0.5)
      .sort((x, y) => y.score - x.score)
      .map(({ o }) => o);
    let hard = 0;
    for (const candidate of alike) {
      if (hard >= 2) break;
      if (add(query, candidate, "hard_neg")) hard++;
    }
    takeOne(query, others.filter((o) => o.type !== query.type || jaccard(query.frames, o.frames) < 0.5), "easy_neg");
  }
  return pairs;
}
