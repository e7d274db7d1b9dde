import "server-only";

/** The DSN SDKs are configured with: `<scheme>://<public key>@<host>/<project id>`. */
export function projectDsn(publicKey: string, origin: string, projectId: number): string {
  const url = new URL(origin);
  return `${url.protocol}//${publicKey}@${url.host}/${projectId}`;
}
