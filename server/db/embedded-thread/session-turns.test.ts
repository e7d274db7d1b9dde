import { describe, expect, it } from "vitest";
import { SessionTurns } from "./session-turns";

describe("turns on the embedded database's session", () => {
  it("serves one turn at a time, oldest first, with urgent turns before the ordinary ones waiting", async () => {
    const turns = new SessionTurns();
    const order: string[] = [];
    let release!: () => void;
    const first = turns.run(async () => {
      order.push("first");
      await new Promise<void>((resolve) => (release = resolve));
    });
    const queued = [
      turns.run(async () => void order.push("ordinary 1")),
      turns.run(async () => void order.push("urgent 1"), true),
      turns.run(async () => void order.push("ordinary 2")),
      turns.run(async () => void order.push("urgent 2"), true),
    ];
    await Promise.resolve();
    expect(order).toEqual(["first"]);
    release();
    await Promise.all([first, ...queued]);
    expect(order).toEqual(["first", "urgent 1", "urgent 2", "ordinary 1", "ordinary 2"]);
  });

  it("ends a turn whose work failed, so that the next one runs", async () => {
    const turns = new SessionTurns();
    const failed = turns.run(async () => {
      throw new Error("statement failed");
    });
    const next = turns.run(async () => "ran");
    await expect(failed).rejects.toThrow("statement failed");
    await expect(next).resolves.toBe("ran");
  });
});
