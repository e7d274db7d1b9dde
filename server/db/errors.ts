import "server-only";

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

const reasons: Record<string, string> = {
  ECONNREFUSED: "nothing is listening there",
  ENOTFOUND: "the host name does not resolve",
  EAI_AGAIN: "the host name does not resolve",
  ETIMEDOUT: "the connection timed out",
  ECONNRESET: "the connection was reset",
  "28P01": "the password was rejected",
  "28000": "the user is not allowed to connect",
  "3D000": "the database does not exist",
};

/** One sentence saying why the database could not be used, for start-up failures and /api/health. */
export function describeDatabaseError(error: unknown, location: string): string {
  const err = error as { code?: string; message?: string; errors?: { code?: string }[] };
  const code = err.code ?? err.errors?.[0]?.code;
  const reason = (code && reasons[code]) ?? err.message?.split("\n")[0] ?? String(error);
  return `Cannot use the database (${location}): ${reason}.`;
}
