import { describe, expect, it } from "vitest";
import { GroupCommit, GroupCommitFullError } from "./group-commit";

/** A writer whose writes finish when the test says, recording what each write took. */
function controlledWriter(
  options: {
    maxItems?: number;
    maxBytes?: number;
    maxPendingBytes?: number;
    lingerMs?: number;
    maxWritesInFlight?: number;
  } = {},
) {
  const writes: string[][] = [];
  const finish: ((error?: Error) => void)[] = [];
  const commit = new GroupCommit<string>({
    write: (items) => {
      writes.push(items);
      return new Promise<void>((resolve, reject) => finish.push((error) => (error ? reject(error) : resolve())));
    },
    sizeOf: (item) => item.length,
    maxItems: options.maxItems ?? 100,
    maxBytes: options.maxBytes ?? 1_000,
    maxPendingBytes: options.maxPendingBytes ?? 10_000,
    lingerMs: options.lingerMs,
    maxWritesInFlight: options.maxWritesInFlight,
  });
  return { commit, writes, finish: (error?: Error) => finish.shift()!(error) };
}

const settled = (promise: Promise<void>) =>
  promise.then(
    () => "written",
    (error: Error) => error.message,
  );

describe("group commit", () => {
  it("writes the first item at once and everything that arrives meanwhile in the next write, in order", async () => {
    const { commit, writes, finish } = controlledWriter();
    const first = settled(commit.add("a"));
    const later = ["b", "c", "d"].map((item) => settled(commit.add(item)));
    expect(writes).toEqual([["a"]]);
    finish();
    expect(await first).toBe("written");
    await Promise.resolve();
    expect(writes).toEqual([["a"], ["b", "c", "d"]]);
    finish();
    expect(await Promise.all(later)).toEqual(["written", "written", "written"]);
  });

  it("with a linger, lets the items arriving just behind the first share its write", async () => {
    const { commit, writes, finish } = controlledWriter({ lingerMs: 20 });
    const first = settled(commit.add("a"));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = settled(commit.add("b"));
    expect(writes).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(writes).toEqual([["a", "b"]]);
    finish();
    expect(await Promise.all([first, second])).toEqual(["written", "written"]);
  });

  it("with a linger, starts a write at once when its items fill it, by count or by bytes", async () => {
    const byCount = controlledWriter({ lingerMs: 10_000, maxItems: 2 });
    const counted = ["a", "b", "c"].map((item) => settled(byCount.commit.add(item)));
    expect(byCount.writes).toEqual([["a", "b"]]);
    byCount.finish();
    expect(await Promise.all(counted.slice(0, 2))).toEqual(["written", "written"]);

    const byBytes = controlledWriter({ lingerMs: 10_000, maxBytes: 6 });
    const sized = ["abc", "def", "g"].map((item) => settled(byBytes.commit.add(item)));
    expect(byBytes.writes).toEqual([["abc", "def"]]);
    byBytes.finish();
    expect(await Promise.all(sized.slice(0, 2))).toEqual(["written", "written"]);
  });

  it("with two writes in flight, sends the next write before the first ends, and the rest once one has", async () => {
    const { commit, writes, finish } = controlledWriter({ maxWritesInFlight: 2 });
    const all = ["a", "b", "c", "d"].map((item) => settled(commit.add(item)));
    expect(writes).toEqual([["a"], ["b"]]);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual([["a"], ["b"], ["c", "d"]]);
    finish();
    finish();
    expect(await Promise.all(all)).toEqual(Array(4).fill("written"));
  });

  it("fails only the items of a failed write; the next write goes on", async () => {
    const { commit, writes, finish } = controlledWriter();
    const first = settled(commit.add("a"));
    const second = settled(commit.add("b"));
    finish(new Error("disk full"));
    expect(await first).toBe("disk full");
    await Promise.resolve();
    expect(writes[1]).toEqual(["b"]);
    finish();
    expect(await second).toBe("written");
  });

  it("splits a backlog into writes of at most maxItems", async () => {
    const { commit, writes, finish } = controlledWriter({ maxItems: 2 });
    const all = ["a", "b", "c", "d", "e"].map((item) => settled(commit.add(item)));
    for (let i = 0; i < 3; i += 1) {
      finish();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(writes).toEqual([["a"], ["b", "c"], ["d", "e"]]);
    expect(await Promise.all(all)).toEqual(Array(5).fill("written"));
  });

  it("refuses at once what would hold more than maxPendingBytes in memory, and takes items again once written", async () => {
    const { commit, finish } = controlledWriter({ maxPendingBytes: 10 });
    const held = settled(commit.add("x".repeat(8)));
    await expect(commit.add("y".repeat(4))).rejects.toBeInstanceOf(GroupCommitFullError);
    finish();
    expect(await held).toBe("written");
    const next = settled(commit.add("y".repeat(4)));
    finish();
    expect(await next).toBe("written");
  });
});
