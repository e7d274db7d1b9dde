// Entry of regroup's worker threads (request-thread.ts). A worker starts as plain Node.js, without the loader the
// server runs under, so this loads the TypeScript module named in its workerData through tsx; and server/ modules
// begin with `import "server-only"`, which only Next.js satisfies, so that guard is made a no-op here as the scripts do.
import { register } from "node:module";
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

register("../../scripts/runtime/server-only-hooks.mjs", import.meta.url);
await tsImport(workerData.module, import.meta.url);
