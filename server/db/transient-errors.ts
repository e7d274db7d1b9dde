import "server-only";

/**
 * Whether a database error may go away if the same work is tried again later: the connection dropped or could not be
 * made, the server is restarting or overloaded, a deadlock or serialisation failure rolled the transaction back, a
 * lock or statement timed out. Anything else (a constraint, a bad value, a bug) fails the same way every time.
 */

// Prisma's own codes: cannot reach / timed out / connection closed / pool timeout / transaction expired / conflict.
const transientPrismaCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2034"]);
// SQLSTATEs: class 08 (connection), 40001/40P01 (serialisation, deadlock), 53xxx (resources), 55P03 (lock not
// available), 57014 (statement timeout), 57P01-57P03 (shutdown, cannot connect now).
const transientSqlStates = /^(08|40001$|40P01$|53|55P03$|57014$|57P0[123]$)/;
const transientNodeCodes = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN"]);

interface ErrorShape {
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
  cause?: unknown;
}

/** True when the error (a Prisma, pg or Node.js error, or one wrapping it) is worth retrying later. */
export function isTransientDatabaseError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const shape = error as ErrorShape;
  const code = typeof shape.code === "string" ? shape.code : "";
  const sqlState = shape.meta?.driverAdapterError?.cause?.originalCode;
  if (transientPrismaCodes.has(code) || transientNodeCodes.has(code)) return true;
  if (/^[0-9A-Z]{5}$/.test(code) && transientSqlStates.test(code)) return true;
  if (typeof sqlState === "string" && transientSqlStates.test(sqlState)) return true;
  return isTransientDatabaseError(shape.cause, depth + 1);
}
