import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client";
import { createTestDatabase } from "../testing/database";
import { version } from "../version";
import { warmModels } from "../inference/warm-up";
import { healthHandler } from "./http";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe("GET /api/health", () => {
  it("says ok with the version once a real query succeeded", async () => {
    const response = await healthHandler(new Request("http://localhost/api/health"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok", models: "cold", version });
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

  it("answers 503 with the reason when the database does not answer", async () => {
    await database.driver.exec(`ALTER TABLE "_prisma_migrations" RENAME TO "_prisma_migrations_moved"`);
    try {
      const response = await healthHandler(new Request("http://localhost/api/health"));
      expect(response.status).toBe(503);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("unavailable");
      expect(body.error.message).toMatch(
        /^Cannot use the database \(embedded PostgreSQL in memory\): .*_prisma_migrations.*does not exist/,
      );
    } finally {
      await database.driver.exec(`ALTER TABLE "_prisma_migrations_moved" RENAME TO "_prisma_migrations"`);
    }
  });
});
