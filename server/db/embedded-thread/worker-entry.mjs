// Entry of the embedded database's thread (see client.ts). A worker starts as plain Node.js, without the loader the
// server runs under, so this loads the TypeScript worker through tsx; and server/ modules begin with
// `import "server-only"`, which only Next.js satisfies, so that guard is made a no-op here as the scripts do.
import { register } from "node:module";
import { tsImport } from "tsx/esm/api";

register("../../../scripts/runtime/server-only-hooks.mjs", import.meta.url);
await tsImport("./worker.ts", import.meta.url);
