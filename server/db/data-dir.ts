import "server-only";
import fs from "node:fs";

/** Owner only: the directory holds the database (password hashes, event payloads) and the grouping API secret. */
const PRIVATE_MODE = 0o700;

/**
 * Creates DATA_DIR readable by its owner only, and takes group and other access away from an existing one that
 * belongs to this user (one made by an older regroup, or by hand). A directory of another user is left as it is.
 */
export function ensurePrivateDataDir(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: PRIVATE_MODE });
  const stat = fs.statSync(dataDir);
  const ours = process.getuid === undefined || stat.uid === process.getuid();
  if (ours && (stat.mode & 0o077) !== 0) fs.chmodSync(dataDir, PRIVATE_MODE);
}
