import { spawn } from "node:child_process";

/** Runs an application instrumented with a real Sentry SDK as a child process, pointed at `dsn`. */
export function runInstrumentedApp(
  command: string,
  args: string[],
  dsn: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, SENTRY_DSN: dsn } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ code: -1, output: String(error) }));
    child.on("close", (code) => resolve({ code, output }));
  });
}
