import { defineConfig } from "prisma/config";

// The CLI is used for `prisma generate` only: migrations are applied by server/db/migrate.ts
// (Prisma's schema engine cannot be downloaded here; see ../shared/STACK.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
