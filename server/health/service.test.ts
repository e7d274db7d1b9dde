import { describe, expect, it, vi } from "vitest";
import { setUpTestDatabase } from "../testing/test-environment";
import { version } from "../version";
import { warmModels } from "../inference/warm-up";
import { acceptEvent } from "../ingest/inbox/accept";
import { pythonErrorEvent } from "../testing/events";
import { healthHandler } from "./http";

const database = setUpTestDatabase();

describe("GET /api/health", () => {
  it("says ok with the version once a real query succeeded", async () => {
    const response = await healthHandler(new Request("http://localhost/api/health"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      db: "ok",
      models: "cold",
      version,
      inbox: { depth: 0, lagSeconds: 0 },
    });
  });

  it("says how many accepted events wait in the ingest inbox and for how long", async () => {
    const project = await database.prisma.project.create({
      data: { id: 1, slug: "health", name: "Health", platform: "python" },
    });
    await acceptEvent({ id: project.id, publicKey: project.publicKey, platform: "python" }, pythonErrorEvent());
    await database.prisma.$executeRaw`UPDATE ingest_inbox SET accepted_at = now() - interval '90 seconds'`;
    const { inbox } = (await (await healthHandler(new Request("http://localhost/api/health"))).json()) as {
      inbox: { depth: number; lagSeconds: number };
    };
    expect(inbox.depth).toBe(1);
    expect(inbox.lagSeconds).toBeGreaterThanOrEqual(90);
    await database.prisma.$executeRaw`DELETE FROM ingest_inbox`;
  });

  it("says whether the models are warming or ready, answering 200 either way", async () => {
    let finish = () => {};
    const slowService = {
      embed: (_model: string, texts: string[]) =>
        new Promise<number[][]>((resolve) => (finish = () => resolve(texts.map(() => [1, 0])))),
    };
    const warming = warmModels(slowService, ["v1"]);
    const during = await healthHandler(new Request("http://localhost/api/health"));
    expect(during.status).toBe(200);
    expect(await during.json()).toMatchObject({ status: "ok", models: "warming" });
    finish();
    await warming;
    expect(await (await healthHandler(new Request("http://localhost/api/health"))).json()).toMatchObject({
      models: "ready",
    });
  });

  it("answers 503 without saying where the database is, and logs the reason", async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
    await database.driver.exec(`ALTER TABLE "_prisma_migrations" RENAME TO "_prisma_migrations_moved"`);
    try {
      const response = await healthHandler(new Request("http://localhost/api/health"));
      expect(response.status).toBe(503);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error).toEqual({
        code: "unavailable",
        message: "The database is unavailable; the server log says why.",
      });
      expect(logged.join("")).toMatch(
        /Cannot use the database \(embedded PostgreSQL in memory\): .*_prisma_migrations/,
      );
    } finally {
      spy.mockRestore();
      await database.driver.exec(`ALTER TABLE "_prisma_migrations_moved" RENAME TO "_prisma_migrations"`);
    }
  });
});
