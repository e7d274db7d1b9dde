import { parseFingerprintRules } from "./parser";
import type { FingerprintRule } from "./types";

// Sentry's built-in fingerprint rules. Its grouping config `newstyle:2023-01-11` took them on
// (`fingerprinting_bases = ["javascript@2024-02-02"]`) without a new config id, so a Sentry on
// that config applies them: a failed chunk load is one issue, whatever its stack, and a React
// hydration error is one issue per transaction. A project's own rules are tried first.
const JAVASCRIPT_2024_02_02 = String.raw`
family:javascript error.type:"ChunkLoadError" -> chunkloaderror
family:javascript error.value:"ChunkLoadError*" -> chunkloaderror
family:javascript tags.transaction:"*" message:"Hydration failed because the initial UI does not match what was rendered on the server." -> hydrationerror, {{tags.transaction}}
family:javascript tags.transaction:"*" message:"The server could not finish this Suspense boundary, likely due to an error during server rendering. Switched to client rendering." -> hydrationerror, {{tags.transaction}}
family:javascript tags.transaction:"*" message:"There was an error while hydrating this Suspense boundary. Switched to client rendering." -> hydrationerror, {{tags.transaction}}
family:javascript tags.transaction:"*" message:"There was an error while hydrating. Because the error happened outside of a Suspense boundary, the entire root will switch to client rendering." -> hydrationerror, {{tags.transaction}}
family:javascript tags.transaction:"*" message:"Text content does not match server-rendered HTML." -> hydrationerror, {{tags.transaction}}
`;

/** The built-in rules of the grouping config in use, marked as built-in. */
export const BUILTIN_FINGERPRINT_RULES: readonly FingerprintRule[] = parseFingerprintRules(JAVASCRIPT_2024_02_02).map(
  (rule) => ({ ...rule, isBuiltin: true }),
);
