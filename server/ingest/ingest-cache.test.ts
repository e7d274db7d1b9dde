import { expect, it } from "vitest";
import { TtlCache } from "./ingest-cache";

function loader() {
  const loads: ((value: number) => void)[] = [];
  const load = () => new Promise<number>((resolve) => loads.push(resolve));
  return { loads, load };
}

it("answers concurrent misses of one key with one load, and keeps its value", async () => {
  const cache = new TtlCache<string, number>(60_000);
  const { loads, load } = loader();
  const answers = Promise.all([cache.get("a", load), cache.get("a", load), cache.get("a", load)]);
  expect(loads).toHaveLength(1);
  loads[0]!(7);
  expect(await answers).toEqual([7, 7, 7]);
  expect(await cache.get("a", load)).toBe(7);
  expect(loads).toHaveLength(1);
});

it("does not answer from a load that an invalidation overtook, nor keep its value", async () => {
  const cache = new TtlCache<string, number>(60_000);
  const { loads, load } = loader();
  const before = cache.get("a", load);
  cache.invalidate("a");
  const after = cache.get("a", load);
  expect(loads).toHaveLength(2);
  loads[0]!(1);
  loads[1]!(2);
  expect([await before, await after]).toEqual([1, 2]);
  expect(await cache.get("a", load)).toBe(2);
});

it("loads again after the TTL, and never keeps what `keep` refuses", async () => {
  const cache = new TtlCache<string, number | null>(0);
  let loads = 0;
  const load = async () => (loads += 1);
  await cache.get("a", load);
  await cache.get("a", load);
  expect(loads).toBe(2);
  const refusing = new TtlCache<string, number | null>(60_000);
  await refusing.get(
    "b",
    async () => null,
    (value) => value !== null,
  );
  expect(await refusing.get("b", async () => 3)).toBe(3);
});
