import "server-only";
import type { MachineAccess } from "@/lib/contracts/endpoint";
import { clientIp } from "../auth/request-meta";
import { env } from "../env";
import { HttpError } from "./errors";
import { networkMatcher, parseNetworkList } from "./network-list";
import { verifyRpcSignature } from "./rpc-signature";

let trusted: { setting: string; matches: (address: string) => boolean } | undefined;

function isTrustedNetwork(address: string): boolean {
  const setting = env().GROUPING_API_UNSIGNED_NETWORKS;
  if (trusted?.setting !== setting) trusted = { setting, matches: networkMatcher(parseNetworkList(setting)) };
  return trusted.matches(address);
}

/**
 * Machine-to-machine access: "signed" needs the Rpcsignature of the body; "signed-or-trusted-network" also takes
 * an unsigned call from a network listed in GROUPING_API_UNSIGNED_NETWORKS (Sentry sends its grouping-record
 * deletes unsigned). A call that carries a signature is always checked, wherever it comes from.
 * Throws 401 unless the call is signed, or (where the access allows it) unsigned from a trusted network.
 */
export function verifyMachineCall(access: MachineAccess, rawBody: string | Buffer, request: Request): void {
  const authorization = request.headers.get("authorization");
  if (access === "signed-or-trusted-network" && !authorization) {
    const address = clientIp(request);
    if (isTrustedNetwork(address)) return;
    throw new HttpError(
      401,
      "unauthenticated",
      `Unsigned calls are accepted only from GROUPING_API_UNSIGNED_NETWORKS, and ${address} is not in them; ` +
        `sign the body ("Authorization: Rpcsignature rpc0:<hex HMAC-SHA256>").`,
    );
  }
  verifyRpcSignature(rawBody, authorization);
}
