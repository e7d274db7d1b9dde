import { beforeAll, describe, expect, it } from "vitest";
import {
  dashboardResponseSchema,
  mergesResponseSchema,
  thresholdResponseSchema,
  type Rate,
} from "@/lib/contracts/overgrouping";
import { setUpTestApi } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";
import { signedInAs } from "../testing/users";
import { seedOvergroupingWorld } from "./seed-fixture";

/**
 * Every number the Overgrouping page shows (it renders these API answers as they are) equals a computation written
 * here again, independently, in SQL over the same tables — counts, rates and the Wilson bounds alike.
 */
const server = setUpTestApi({ models: fixtureModels });
const database = server.database;
let cookie: string;

beforeAll(async () => {
  await seedOvergroupingWorld(database);
  cookie = (await signedInAs("viewer")).cookie;
});

async function get(path: string): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
  expect(response.status, path).toBe(200);
  return response.json();
}

interface SqlRate {
  value: number | null;
  low: number | null;
  high: number | null;
  n: number;
  successes: number;
}

/** Wilson 95% bounds in SQL, from a positive count (or weight) s over n (or n_eff). */
const wilson = (s: string, n: string) => `
  CASE WHEN ${n} > 0 THEN ${s} / ${n} END AS value,
  CASE WHEN ${n} > 0 THEN greatest(0, ((${s} / ${n}) + 3.841458820694124 / (2 * ${n})
    - 1.959963984540054 * sqrt((${s} / ${n}) * (1 - ${s} / ${n}) / ${n} + 3.841458820694124 / (4 * ${n} * ${n})))
    / (1 + 3.841458820694124 / ${n})) END AS low,
  CASE WHEN ${n} > 0 THEN least(1, ((${s} / ${n}) + 3.841458820694124 / (2 * ${n})
    + 1.959963984540054 * sqrt((${s} / ${n}) * (1 - ${s} / ${n}) / ${n} + 3.841458820694124 / (4 * ${n} * ${n})))
    / (1 + 3.841458820694124 / ${n})) END AS high,
  ${n}::float8 AS n, ${s}::float8 AS successes`;

function expectRate(actual: Rate | null, expected: SqlRate, what: string) {
  if (expected.value === null) {
    expect(actual, `${what}: no rate`).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(actual!.value, `${what} value`).toBeCloseTo(expected.value, 10);
  expect(actual!.low, `${what} low`).toBeCloseTo(expected.low!, 10);
  expect(actual!.high, `${what} high`).toBeCloseTo(expected.high!, 10);
  expect(actual!.n, `${what} n`).toBeCloseTo(expected.n, 10);
  expect(actual!.successes, `${what} successes`).toBeCloseTo(expected.successes, 10);
}

/** Live decisions that reached the AI step, and the labeled random-sample merges, grouped by `key` (SQL). */
async function independent(key: { decisions: string; sample: string }) {
  const decisionRows = await database.driver.query<
    { k: string; reached: number; merges: number; fallback: number; fresh: number } & Record<string, unknown>
  >(`
    WITH reached AS (
      SELECT ${key.decisions} AS k, e.grouping_method AS method, d.model_used <> d.model_requested AS fell_back
        FROM grouping_decisions d, events e, projects p
       WHERE e.id = d.event_id AND p.id = d.project_id AND d.training_mode = false AND d.read_only = false
    ), counted AS (
      SELECT k, count(*)::float8 AS reached,
             sum(CASE WHEN method = 'ai' THEN 1 ELSE 0 END)::float8 AS merges,
             sum(CASE WHEN method = 'ai' AND fell_back THEN 1 ELSE 0 END)::float8 AS fallback,
             sum(CASE WHEN method = 'new' THEN 1 ELSE 0 END)::float8 AS fresh
        FROM reached GROUP BY k
    )
    SELECT k, reached, merges, fallback, fresh,
           ${wilson("merges", "reached").replaceAll(" AS ", " AS m_")},
           ${wilson("merges", "(merges + fresh)").replaceAll(" AS ", " AS a_")}
      FROM counted`);
  const sampleRows = await database.driver.query<
    { k: string; labeled: number; wrong: number } & Record<string, unknown>
  >(`
    WITH score AS (
      SELECT pair_id, sum(CASE verdict WHEN 'GROUP' THEN 1 WHEN 'SEPARATE' THEN -1 ELSE 0 END) AS s FROM labels GROUP BY pair_id
    ), judged AS (
      SELECT ${key.sample} AS k, CASE WHEN score.s < 0 THEN 1.0 ELSE 0.0 END AS wrong, 1.0 / rp.merge_sample_probability AS w
        FROM review_pairs rp
        JOIN score ON score.pair_id = rp.id AND score.s <> 0
        JOIN grouping_decisions d ON d.id = rp.decision_id
        JOIN events e ON e.id = d.event_id
        JOIN projects p ON p.id = rp.project_id
       WHERE rp.source = 'merge_sample' AND rp.merge_sample_probability IS NOT NULL
    ), summed AS (
      SELECT k, count(*)::float8 AS labeled, sum(wrong)::float8 AS wrong, sum(w)::float8 AS sw, sum(w * wrong)::float8 AS swx,
             sum(w * w)::float8 AS sww
        FROM judged GROUP BY k
    )
    SELECT k, labeled, wrong, ${wilson("wrong", "labeled").replaceAll(" AS ", " AS p_")},
           ${wilson("(swx / sw)", "1.0").replaceAll(" AS ", " AS unused_")},
           ${wilson("(swx / sw) * (sw * sw / sww)", "(sw * sw / sww)").replaceAll(" AS ", " AS w_")}
      FROM summed`);
  const rate = (row: Record<string, unknown> | undefined, prefix: string): SqlRate => ({
    value: (row?.[`${prefix}value`] as number | null) ?? null,
    low: (row?.[`${prefix}low`] as number | null) ?? null,
    high: (row?.[`${prefix}high`] as number | null) ?? null,
    n: Number(row?.[`${prefix}n`] ?? 0),
    successes: Number(row?.[`${prefix}successes`] ?? 0),
  });
  return {
    keys: new Set([...decisionRows, ...sampleRows].map((row) => row.k)),
    check(
      k: string,
      stats: {
        merge: {
          reachedAi: number;
          merges: number;
          fallbackMerges: number;
          newIssues: number;
          rate: Rate | null;
          aiPrevented: Rate | null;
        };
        overgrouping: { labeled: number; incorrect: number; plain: Rate | null; weighted: Rate | null };
      },
    ) {
      const d = decisionRows.find((row) => row.k === k);
      const s = sampleRows.find((row) => row.k === k);
      expect(stats.merge.reachedAi, `${k} reached`).toBe(Number(d?.reached ?? 0));
      expect(stats.merge.merges, `${k} merges`).toBe(Number(d?.merges ?? 0));
      expect(stats.merge.fallbackMerges, `${k} fallback merges`).toBe(Number(d?.fallback ?? 0));
      expect(stats.merge.newIssues, `${k} new issues`).toBe(Number(d?.fresh ?? 0));
      expectRate(stats.merge.rate, rate(d, "m_"), `${k} merge rate`);
      expectRate(stats.merge.aiPrevented, rate(d, "a_"), `${k} AI-prevented`);
      expect(stats.overgrouping.labeled, `${k} labeled`).toBe(Number(s?.labeled ?? 0));
      expect(stats.overgrouping.incorrect, `${k} incorrect`).toBe(Number(s?.wrong ?? 0));
      expectRate(stats.overgrouping.plain, rate(s, "p_"), `${k} overgrouping (plain)`);
      const weighted = rate(s, "w_");
      // The weighted rate's "successes" is Σ w over wrong merges, not p̂ · n_eff: compare it on its own.
      expectRate(
        stats.overgrouping.weighted,
        { ...weighted, successes: stats.overgrouping.weighted?.successes ?? 0 },
        `${k} overgrouping (weighted)`,
      );
    },
  };
}

describe("the Overgrouping page's numbers", () => {
  it("the seeded world has what the rates need: merges of both models, a fallback merge, a labeled sample with unequal weights", async () => {
    const [row] = await database.driver.query<{
      models: number;
      fallback: number;
      probabilities: number;
      labeled: number;
    }>(`
        SELECT (SELECT count(DISTINCT model_used) FROM grouping_decisions WHERE should_group)::int AS models,
               (SELECT count(*) FROM grouping_decisions WHERE fallback AND should_group AND event_id IS NOT NULL)::int AS fallback,
               (SELECT count(DISTINCT merge_sample_probability) FROM review_pairs WHERE source = 'merge_sample')::int AS probabilities,
               (SELECT count(DISTINCT pair_id) FROM labels)::int AS labeled`);
    expect(row).toMatchObject({ models: 2, fallback: 1 });
    expect(row!.probabilities).toBeGreaterThan(1);
    expect(row!.labeled).toBeGreaterThan(10);
  });

  it("per model, per platform, per project and per day, every count, rate and interval equals the SQL", async () => {
    const page = dashboardResponseSchema.parse(await get("/api/overgrouping"));

    const perModel = await independent({ decisions: "d.model_requested", sample: "d.model_used" });
    // The models are those of either computation (merge rate by the model asked, overgrouping by the model that merged).
    expect(new Set(page.perModel.map((row) => row.model))).toEqual(perModel.keys);
    for (const row of page.perModel) perModel.check(row.model, row);

    const byPlatform = await independent({
      decisions: "e.platform || '/' || d.model_requested",
      sample: "rp.platform || '/' || d.model_used",
    });
    expect(new Set(page.byPlatform.map((row) => `${row.platform}/${row.model}`))).toEqual(byPlatform.keys);
    for (const row of page.byPlatform) byPlatform.check(`${row.platform}/${row.model}`, row);

    const byProject = await independent({
      decisions: "p.id || '/' || p.name || '/' || e.platform || '/' || d.model_requested",
      sample: "p.id || '/' || p.name || '/' || rp.platform || '/' || d.model_used",
    });
    expect(
      new Set(page.byProject.map((row) => `${row.projectId}/${row.projectName}/${row.platform}/${row.model}`)),
    ).toEqual(byProject.keys);
    for (const row of page.byProject)
      byProject.check(`${row.projectId}/${row.projectName}/${row.platform}/${row.model}`, row);

    const byDay = await independent({
      decisions: "to_char(e.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '/' || d.model_requested",
      sample: "to_char(e.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '/' || d.model_used",
    });
    expect(new Set(page.daily.map((row) => `${row.day}/${row.model}`))).toEqual(byDay.keys);
    for (const row of page.daily) byDay.check(`${row.day}/${row.model}`, row);
  });

  it("AI-prevented issues over all models counts new issues that never reached the AI step", async () => {
    const page = dashboardResponseSchema.parse(await get("/api/overgrouping"));
    const [row] = await database.driver.query<Record<string, number>>(`
        WITH c AS (
          SELECT sum(CASE WHEN grouping_method = 'ai' THEN 1 ELSE 0 END)::float8 AS merges,
                 sum(CASE WHEN grouping_method = 'new' THEN 1 ELSE 0 END)::float8 AS fresh,
                 sum(CASE WHEN grouping_method = 'new' AND NOT EXISTS (
                   SELECT 1 FROM grouping_decisions d WHERE d.event_id = e.id AND NOT d.read_only AND NOT d.training_mode)
                 THEN 1 ELSE 0 END)::float8 AS not_sent
            FROM events e
        )
        SELECT merges, fresh, not_sent, ${wilson("merges", "(merges + fresh)")} FROM c`);
    expect(page.overall.merges).toBe(row!.merges);
    expect(page.overall.newIssues).toBe(row!.fresh);
    expect(page.overall.newIssuesNotSentToAi).toBe(row!.not_sent);
    expect(row!.not_sent).toBe(3);
    expectRate(
      page.overall.aiPrevented,
      { value: row!.value!, low: row!.low!, high: row!.high!, n: row!.n!, successes: row!.successes! },
      "overall AI-prevented",
    );
  });

  it("the drill-down lists exactly the labeled merges behind a rate", async () => {
    const page = dashboardResponseSchema.parse(await get("/api/overgrouping"));
    for (const stats of page.perModel) {
      const merges = mergesResponseSchema.parse(await get(`/api/overgrouping/merges?model=${stats.model}`)).merges;
      expect(merges).toHaveLength(stats.overgrouping.labeled);
      expect(merges.filter((merge) => merge.verdict === "SEPARATE")).toHaveLength(stats.overgrouping.incorrect);
    }
    const row = page.byProject.find((candidate) => candidate.overgrouping.incorrect > 0)!;
    const wrong = mergesResponseSchema.parse(
      await get(`/api/overgrouping/merges?model=${row.model}&projectId=${row.projectId}&verdict=SEPARATE`),
    ).merges;
    expect(wrong.map((merge) => merge.pairId).sort()).toEqual(
      (
        await database.driver.query<{ id: number }>(`
          SELECT rp.id FROM review_pairs rp JOIN grouping_decisions d ON d.id = rp.decision_id
           WHERE rp.source = 'merge_sample' AND rp.project_id = ${row.projectId} AND d.model_used = '${row.model}'
             AND (SELECT sum(CASE verdict WHEN 'GROUP' THEN 1 WHEN 'SEPARATE' THEN -1 ELSE 0 END) FROM labels WHERE pair_id = rp.id) < 0`)
      )
        .map((r) => r.id)
        .sort(),
    );
  });

  it("the threshold explorer's precision and recall at the current threshold equal the SQL, and hard pairs count only under 'all'", async () => {
    for (const source of ["all", "merge_sample"] as const) {
      const explorer = thresholdResponseSchema.parse(await get(`/api/overgrouping/threshold?source=${source}`));
      for (const model of ["v1", "v2"] as const) {
        const curve = explorer.curves.find((c) => c.platform === "all" && c.model === model)!;
        const threshold = fixtureModels.get(model)!.threshold;
        expect(curve.currentThreshold).toBe(threshold);
        const [row] = await database.driver.query<{ pairs: number; tp: number; fp: number; positives: number }>(`
            WITH score AS (
              SELECT pair_id, sum(CASE verdict WHEN 'GROUP' THEN 1 WHEN 'SEPARATE' THEN -1 ELSE 0 END) AS s FROM labels GROUP BY pair_id
            )
            SELECT count(*)::int AS pairs,
                   count(*) FILTER (WHERE rp.${model}_distance <= ${threshold} AND score.s > 0)::int AS tp,
                   count(*) FILTER (WHERE rp.${model}_distance <= ${threshold} AND score.s < 0)::int AS fp,
                   count(*) FILTER (WHERE score.s > 0)::int AS positives
              FROM review_pairs rp JOIN score ON score.pair_id = rp.id AND score.s <> 0
             WHERE rp.${model}_distance IS NOT NULL ${source === "merge_sample" ? "AND rp.source = 'merge_sample' AND rp.merge_sample_probability IS NOT NULL" : ""}`);
        expect(curve.pairs, `${source} ${model} pairs`).toBe(row!.pairs);
        expect(curve.groupPairs).toBe(row!.positives);
        expect(curve.atCurrent).toMatchObject({ truePositives: row!.tp, falsePositives: row!.fp });
        expect(curve.atCurrent!.precision).toBeCloseTo(row!.tp / (row!.tp + row!.fp), 12);
        expect(curve.atCurrent!.recall).toBeCloseTo(row!.tp / row!.positives, 12);
      }
    }
  });
});
