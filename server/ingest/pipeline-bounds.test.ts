import { describe, expect, it } from "vitest";
import { parseEvent } from "@/engine/event/schema";
import { setUpTestDatabase } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";
import { getIssueDetail } from "../issues/issue-detail";
import { ingestEvent } from "./pipeline";

const database = setUpTestDatabase({ models: fixtureModels });

function hostileEvent() {
  let deep: unknown = "bottom";
  for (let i = 0; i < 100_000; i++) deep = [deep];
  const parsed = parseEvent({
    platform: "php",
    exception: {
      values: [
        {
          type: "Error\u0000",
          value: `${"a".repeat(1 << 20)}`,
          stacktrace: {
            frames: Array.from({ length: 20_000 }, (_, i) => ({
              function: `class@anonymous\u0000/var/www/app.php:${i}$0`,
              filename: "app.php",
              vars: { "$this\u0000": "x\u0000y", lone: "\udc00" },
            })),
          },
        },
      ],
    },
    extra: { deep },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.event;
}

describe("ingesting a hostile event", () => {
  it("stores an event with a 1 MB value, 20,000 frames, NUL characters and deep nesting, trimmed and noted", async () => {
    const project = await database.prisma.project.create({
      data: { id: 901, slug: "hostile", name: "Hostile", platform: "php" },
    });
    const result = await ingestEvent({ id: project.id, publicKey: project.publicKey, platform: "php" }, hostileEvent());

    const stored = await database.prisma.event.findUniqueOrThrow({
      where: { projectId_eventId: { projectId: project.id, eventId: result.eventId } },
    });
    const payload = stored.payload as {
      exception: { values: { type: string; value: string; stacktrace: { frames: { function: string }[] } }[] };
      errors: { type: string; name?: string }[];
    };
    const exception = payload.exception.values[0];
    expect(exception?.value).toHaveLength(8_192);
    expect(exception?.type).toBe("Error\\0");
    expect(exception?.stacktrace.frames).toHaveLength(250);
    expect(exception?.stacktrace.frames.at(-1)?.function).toBe("class@anonymous\\0/var/www/app.php:19999$0");
    expect(payload.errors.slice(0, 3)).toEqual([
      expect.objectContaining({ type: "invalid_characters", name: "exception.values.0.type" }),
      expect.objectContaining({ type: "value_too_long", name: "exception.values.0.value", original_length: 1 << 20 }),
      expect.objectContaining({ type: "too_many_frames", original_length: 20_000, kept: 250 }),
    ]);
    expect(payload.errors.some((note) => note.type === "too_deep")).toBe(true);
    expect(stored.title.startsWith("Error\\0: aaa")).toBe(true);
  });

  it("shows on the issue page what was trimmed from the event", async () => {
    const project = await database.prisma.project.create({
      data: { id: 902, slug: "hostile-2", name: "Hostile 2", platform: "php" },
    });
    const result = await ingestEvent({ id: project.id, publicKey: project.publicKey, platform: "php" }, hostileEvent());
    const detail = await getIssueDetail(result.groupId);
    expect(detail.events[0]?.trimmed).toEqual(
      expect.arrayContaining([
        "exception.values.0.value: trimmed from 1,048,576 to 8,192 characters",
        "exception.values.0.stacktrace.frames: frames 1–19,750 of 20,000 removed (the 250 most recent kept)",
        "exception.values.0.stacktrace.frames.0.function: 1 NUL character escaped as \\0",
      ]),
    );
    expect(detail.events[0]?.whyGrouped.variants.length).toBeGreaterThan(0);
  });
});
