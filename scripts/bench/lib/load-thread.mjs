// The load thread's entry: a worker thread does not inherit tsx's loader, so it registers it before loading the
// TypeScript (load-thread.ts).
import { register } from "tsx/esm/api";

register();
await import("./load-thread.ts");
