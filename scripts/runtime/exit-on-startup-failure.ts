import { EnvError } from "../../server/env";
import { StartupError } from "../../server/startup";

/**
 * The end of a command that failed: a start-up or configuration failure is told in its one sentence, prefixed with
 * the command's name, and exits 1; anything else is a bug and is thrown on with its stack.
 */
export function exitOnStartupFailure(command: string, error: unknown): never {
  if (!(error instanceof StartupError || error instanceof EnvError)) throw error;
  process.stderr.write(`${command}: ${error.message}\n`);
  process.exit(1);
}
