import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "../testing/test-environment";
import { forgetCallerProject, projectIdOf, registeredProjectId } from "./project-ids";

const database = setUpTestDatabase();

describe("a grouping-API caller's project id", () => {
  it("becomes a project of the same id, marked as the grouping API's, when that id is free", async () => {
    expect(await registeredProjectId(3)).toBe(3);
    expect(await database.prisma.project.findUniqueOrThrow({ where: { id: 3 } })).toMatchObject({
      slug: "project-3",
      registeredByGroupingApi: true,
      externalId: null,
    });
  });

  it("never resolves to a project made in the console: the caller gets a project of its own", async () => {
    await database.prisma.project.create({ data: { id: 20, slug: "shop", name: "Shop", platform: "node" } });
    expect(await projectIdOf(20, { register: false })).toBeNull();
    const id = await registeredProjectId(20);
    expect(id).not.toBe(20);
    expect(await database.prisma.project.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Sentry project 20",
      externalId: 20n,
      registeredByGroupingApi: true,
    });
    expect(await registeredProjectId(20)).toBe(id);
  });

  it("is registered again after its project was deleted and forgotten", async () => {
    const id = await registeredProjectId(9);
    await database.prisma.project.delete({ where: { id } });
    await forgetCallerProject(9);
    expect(await projectIdOf(9, { register: false })).toBeNull();
    expect(await registeredProjectId(9)).toBe(9);
  });
});
