import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: `${root}$1` },
      // server/ modules start with `import "server-only"`; outside Next.js that import is a no-op.
      { find: /^server-only$/, replacement: `${root}scripts/runtime/server-only-noop.ts` },
    ],
  },
  test: {
    environment: "node",
    include: ["{engine,lib,server,scripts,app,components}/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    env: {
      GROUPING_API_SECRET: "vitest-grouping-api-secret-of-32-plus-characters",
      LOG_LEVEL: "warn",
      INFERENCE_DEVICE: "cpu",
      // The tests read what an SDK request stored right after its answer; the inbox has tests of its own.
      INGEST_MODE: "sync",
    },
  },
});
