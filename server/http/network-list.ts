import "server-only";
import { BlockList, isIP } from "node:net";

/** One network of a list such as `127.0.0.0/8 ::1 10.0.0.0/8`: an address and how many leading bits count. */
export interface Network {
  address: string;
  prefix: number;
  family: "ipv4" | "ipv6";
}

/** "none" (or an empty list) allows no network at all. */
const NONE = "none";

/**
 * Parses a whitespace- or comma-separated list of CIDR networks (a bare address is a single host). Throws an Error
 * naming the first entry that is not one, so a typo in the setting stops the start instead of opening a door.
 */
export function parseNetworkList(text: string): Network[] {
  const entries = text.split(/[\s,]+/).filter(Boolean);
  if (entries.length === 1 && entries[0]!.toLowerCase() === NONE) return [];
  return entries.map((entry) => {
    const [address = "", prefixText, extra] = entry.split("/");
    const version = isIP(address);
    if (!version || extra !== undefined) throw new Error(`"${entry}" is not an IP address or a CIDR network`);
    const max = version === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!/^\d+$/.test(prefixText ?? String(max)) || prefix > max) {
      throw new Error(`"${entry}" has a prefix length outside 0–${max}`);
    }
    return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
  });
}

/** A matcher over the networks; an IPv4 address seen through an IPv6 socket (`::ffff:a.b.c.d`) counts as IPv4. */
export function networkMatcher(networks: readonly Network[]): (address: string) => boolean {
  const list = new BlockList();
  for (const network of networks) list.addSubnet(network.address, network.prefix, network.family);
  return (address) => {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    const plain = mapped ?? address;
    const version = isIP(plain);
    if (!version) return false;
    return list.check(plain, version === 4 ? "ipv4" : "ipv6");
  };
}
