import { describe, expect, it } from "vitest";
import { parseEvent } from "@/engine/event/schema";
import { fingerprintSignature, generateCorpus, readTimeoutPair, samplePairs, SYNTHETIC_PLATFORMS } from "./index";

const corpus = generateCorpus({ seed: 42, apps: 24 });

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

describe("the synthetic corpus", () => {
  it("is a pure function of its seed", () => {
    expect(JSON.stringify(generateCorpus({ seed: 42, apps: 3 }).events)).toBe(
      JSON.stringify(generateCorpus({ seed: 42, apps: 3 }).events),
    );
    expect(generateCorpus({ seed: 43, apps: 3 }).events[0]?.event.event_id).not.toBe(
      generateCorpus({ seed: 42, apps: 3 }).events[0]?.event.event_id,
    );
  });

  it("covers every platform with valid Sentry events and ground truth", () => {
    expect(new Set(corpus.events.map((e) => e.platform))).toEqual(new Set(SYNTHETIC_PLATFORMS));
    for (const e of corpus.events) {
      expect(parseEvent(e.event).ok).toBe(true);
      expect(e.event.event_id).toMatch(/^[0-9a-f]{32}$/);
      expect(e.rootCauseId.startsWith(e.familyId)).toBe(true);
      expect(e.project).toBeTruthy();
      const frames = e.event.exception.values.at(-1)?.stacktrace.frames ?? [];
      expect(frames.some((f) => f.in_app)).toBe(true);
    }
  });

  it("reaches one root cause through different outer paths", () => {
    const byCause = groupBy(corpus.events, (e) => e.rootCauseId);
    const paths = (id: string) =>
      new Set(
        (byCause.get(id) ?? []).map((e) =>
          e.event.exception.values
            .at(-1)
            ?.stacktrace.frames.filter((f) => f.in_app)
            .map((f) => f.function)
            .join(">"),
        ),
      );
    const varied = [...byCause.keys()].filter((id) => (byCause.get(id)?.length ?? 0) >= 3 && paths(id).size > 1);
    expect(varied.length).toBeGreaterThan(byCause.size / 4);
  });

  it("makes hard negatives that share the exception type and differ in few in-app frames", () => {
    const families = groupBy(corpus.rootCauses, (c) => c.familyId);
    const siblings = [...families.values()].filter((f) => f.length > 1);
    expect(siblings.length).toBeGreaterThan(20);
    for (const [a, b] of siblings.map((f) => [f[0], f[1]] as const)) {
      expect(a?.failure.type).toBe(b?.failure.type);
      const diff =
        (a?.chain ?? []).filter((fn, i) => fn.name !== b?.chain[i]?.name).length +
        Math.abs((a?.chain.length ?? 0) - (b?.chain.length ?? 0));
      expect(diff).toBeGreaterThanOrEqual(1);
      expect(diff).toBeLessThanOrEqual(3);
    }
  });

  it("labels pairs by root cause", () => {
    const byId = new Map(corpus.events.map((e) => [e.event.event_id, e]));
    const pairs = samplePairs(corpus, { seed: 1 });
    expect(pairs.length).toBeGreaterThan(500);
    for (const p of pairs) {
      const same = byId.get(p.query)?.rootCauseId === byId.get(p.candidate)?.rootCauseId;
      expect(p.label).toBe(same ? "GROUP" : "SEPARATE");
      expect(byId.get(p.query)?.project).toBe(byId.get(p.candidate)?.project);
      // Events sharing a fingerprint are grouped before the AI step; such pairs would only flatter a model.
      const [q, c] = [byId.get(p.query), byId.get(p.candidate)];
      if (q && c) expect(fingerprintSignature(q)).not.toBe(fingerprintSignature(c));
    }
  });

  it("has the two ReadTimeoutError traces of the fingerprinting issue", () => {
    const { a, b } = readTimeoutPair();
    const fns = (e: typeof a) => e.exception.values[0]?.stacktrace.frames.map((f) => f.function) ?? [];
    expect(fns(a).at(-1)).toBe("_raise_timeout");
    expect(fns(a)).toContain("get_autofix_state");
    expect(fns(b)).toContain("get_and_update_group_fixability_score");
    const outer = ["generate_summary_and_run_automation", "get_issue_summary", "_generate_summary", "run_automation"];
    for (const name of outer) expect(fns(a).includes(name) && fns(b).includes(name)).toBe(true);
  });
});
