/** A sign-in refused by the server the backfill CLI talks to (wrong password, too many attempts). */
export class ServerSignInError extends Error {
  override name = "ServerSignInError";
}

async function signOut(url: string, cookie: string): Promise<void> {
  await fetch(`${url}/api/auth/signout`, { method: "POST", headers: { cookie } }).catch(() => undefined);
}

/**
 * Signs in to a regroup server, runs `work` with the session's Cookie header, and signs out when it ends — done,
 * failed or interrupted with Ctrl-C — so that a run leaves no admin session behind on the server.
 */
export async function withServerSession<T>(
  url: string,
  credentials: { email: string; password: string },
  work: (cookie: string) => Promise<T>,
): Promise<T> {
  const signIn = await fetch(`${url}/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(credentials),
  });
  if (!signIn.ok) throw new ServerSignInError(`sign-in at ${url} failed (${signIn.status}): ${await signIn.text()}`);
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;
  const onInterrupt = () => void signOut(url, cookie).finally(() => process.exit(130));
  process.once("SIGINT", onInterrupt);
  try {
    return await work(cookie);
  } finally {
    process.removeListener("SIGINT", onInterrupt);
    await signOut(url, cookie);
  }
}
