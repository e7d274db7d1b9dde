import "server-only";
import packageJson from "../package.json" with { type: "json" };

/** The running release, reported by /api/health and printed at start. */
export const version: string = packageJson.version;
