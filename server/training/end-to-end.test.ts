import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApi } from "../testing/test-environment";
import { readEvents } from "./events-file";
import { corpusEvents, fingerprintOnly, replayEndToEnd, type CorpusEvent } from "./end-to-end";

// The Python dev app of the corpus (never trained on): 270 events of 13 root causes through the real SDK, among them
// two ReadTimeout root causes that share every frame but the one that called the client. Grouped by the committed
// models, through the store endpoint, as `npm run eval -- --end-to-end` does for every dev app.
const api = setUpTestApi();
const database = api.database;
let events: CorpusEvent[];

beforeAll(async () => {
  events = corpusEvents(await readEvents("corpus/data/dev/events.jsonl.gz")).filter((e) => e.app === "meter-reader");
});

describe("the Python dev app replayed through the SDK endpoint", () => {
  it("is grouped by v2 into issues that each hold one root cause, and more of each root cause together than fingerprints alone", async () => {
    const [floor] = fingerprintOnly(events);
    const [v2] = await replayEndToEnd(events, {
      baseUrl: api.url,
      prisma: database.prisma,
      model: "v2",
      firstProjectId: 700,
    });
    expect(v2!.rejected).toBe(0);
    expect(v2!.events).toBe(events.length);
    expect(v2!.bcubed.precision).toBe(1);
    expect(v2!.methods.ai).toBeGreaterThan(0);
    expect(v2!.aiMergesCorrect).toBe(v2!.methods.ai);
    expect(v2!.issues).toBeLessThan(floor!.issues);
    expect(v2!.bcubed.recall).toBeGreaterThan(floor!.bcubed.recall + 0.2);
  }, 180_000);
});
