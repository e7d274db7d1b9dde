/**
 * Agreement between labelers, as pure functions (no I/O): Cohen's kappa for two labelers on the items both
 * labeled, and each labeler's agreement with the majority of the others.
 */

export interface KappaResult {
  /** Items both labelers labeled. */
  n: number;
  /** Observed agreement p_o: share of items with the same verdict. */
  observed: number;
  /** Agreement expected by chance p_e = Σ_c p_A(c)·p_B(c), from each labeler's own verdict frequencies. */
  expected: number;
  /** κ = (p_o − p_e) / (1 − p_e); null when undefined (no items, or p_e = 1: both always gave one same verdict). */
  kappa: number | null;
}

/** Cohen's kappa of two labelers over the verdict pairs [a's verdict, b's verdict] of the items both labeled. */
export function cohensKappa<V extends string>(pairs: readonly (readonly [V, V])[]): KappaResult {
  const n = pairs.length;
  if (n === 0) return { n, observed: 0, expected: 0, kappa: null };
  const countA = new Map<V, number>();
  const countB = new Map<V, number>();
  let same = 0;
  for (const [a, b] of pairs) {
    if (a === b) same++;
    countA.set(a, (countA.get(a) ?? 0) + 1);
    countB.set(b, (countB.get(b) ?? 0) + 1);
  }
  const observed = same / n;
  let expected = 0;
  for (const [verdict, a] of countA) expected += (a / n) * ((countB.get(verdict) ?? 0) / n);
  // Floating sums of shares can land a hair above 1; p_e = 1 means no variation to agree beyond chance on.
  const kappa = expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected);
  return { n, observed, expected, kappa };
}

/** Per item, who gave which verdict. */
export type ItemVerdicts<V extends string> = ReadonlyMap<string, V>;

export interface PairwiseKappa extends KappaResult {
  a: string;
  b: string;
}

/** Kappa for every pair of labelers (names sorted) with at least `minShared` items labeled by both. */
export function pairwiseKappas<V extends string>(items: readonly ItemVerdicts<V>[], minShared = 20): PairwiseKappa[] {
  const shared = new Map<string, [V, V][]>();
  for (const item of items) {
    const labelers = [...item.keys()].sort();
    for (let i = 0; i < labelers.length; i++) {
      for (let j = i + 1; j < labelers.length; j++) {
        const a = labelers[i]!;
        const b = labelers[j]!;
        const key = JSON.stringify([a, b]);
        const list = shared.get(key) ?? [];
        list.push([item.get(a)!, item.get(b)!]);
        shared.set(key, list);
      }
    }
  }
  const results: PairwiseKappa[] = [];
  for (const [key, pairs] of shared) {
    if (pairs.length < minShared) continue;
    const [a, b] = JSON.parse(key) as [string, string];
    results.push({ a, b, ...cohensKappa(pairs) });
  }
  return results.sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

/** The verdict more than half of `verdicts` share, or null (a tie or no strict majority). */
export function strictMajority<V extends string>(verdicts: readonly V[]): V | null {
  const counts = new Map<V, number>();
  for (const v of verdicts) counts.set(v, (counts.get(v) ?? 0) + 1);
  for (const [verdict, count] of counts) if (count * 2 > verdicts.length) return verdict;
  return null;
}

export interface MajorityAgreement {
  labeler: string;
  /** Items where the other labelers had a strict majority verdict. */
  compared: number;
  /** Of those, items where this labeler gave the majority's verdict. */
  agreed: number;
  /** agreed / compared, null when nothing could be compared. */
  rate: number | null;
}

/**
 * Each labeler's agreement with the majority of the OTHER labelers of the same item (leave-one-out, so a labeler's
 * own verdict never makes the majority it is compared with); items without a strict majority among the others are
 * not counted.
 */
export function majorityAgreement<V extends string>(items: readonly ItemVerdicts<V>[]): MajorityAgreement[] {
  const tally = new Map<string, { compared: number; agreed: number }>();
  for (const item of items) {
    for (const [labeler, verdict] of item) {
      const others = [...item].filter(([name]) => name !== labeler).map(([, v]) => v);
      const entry = tally.get(labeler) ?? { compared: 0, agreed: 0 };
      tally.set(labeler, entry);
      const majority = others.length ? strictMajority(others) : null;
      if (majority === null) continue;
      entry.compared++;
      if (majority === verdict) entry.agreed++;
    }
  }
  return [...tally]
    .map(([labeler, { compared, agreed }]) => ({
      labeler,
      compared,
      agreed,
      rate: compared ? agreed / compared : null,
    }))
    .sort((x, y) => x.labeler.localeCompare(y.labeler));
}
