// TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-* headers we believe. Addresses, CIDR
// ranges and the words "loopback" and "private", comma-separated. Unset: nobody's.
import { BlockList, isIP } from "node:net";

const NAMED: Record<string, [string, number][]> = {
  loopback: [
    ["127.0.0.0", 8],
    ["::1", 128],
  ],
  private: [
    ["10.0.0.0", 8],
    ["172.16.0.0", 12],
    ["192.168.0.0", 16],
    ["fc00::", 7],
  ],
};

export interface TrustedProxies {
  /** True when addr (as the socket reports it) is one of the trusted proxies. */
  has(addr: string): boolean;
  readonly empty: boolean;
}

/** "::ffff:10.1.2.3" (an IPv4 client on a dual-stack socket) → "10.1.2.3". */
export function normalizeAddress(addr: string): string {
  const a = addr.trim().toLowerCase();
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  return m ? m[1] : a;
}

/** Why an entry of TRUSTED_PROXIES is unusable, or null when the whole value is fine. */
export function trustedProxiesProblem(value: string | undefined): string | null {
  for (const raw of (value ?? "").split(",")) {
    const item = raw.trim().toLowerCase();
    if (!item || item in NAMED) continue;
    const [addr, bits, extra] = item.split("/");
    const family = isIP(addr ?? "");
    const max = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== undefined && !/^\d+$/.test(bits)) || Number(bits ?? 0) > max) {
      return `has "${raw.trim()}", which is not an IP address, a CIDR range, "loopback" or "private"`;
    }
  }
  return null;
}

export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  let count = 0;
  const add = (addr: string, bits: number | undefined) => {
    const type = isIP(addr) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, bits, type);
    count += 1;
  };
  for (const raw of (value ?? "").split(",")) {
    const item = raw.trim().toLowerCase();
    if (!item) continue;
    if (item in NAMED) {
      for (const [addr, bits] of NAMED[item]) add(addr, bits);
      continue;
    }
    const [addr, bits] = item.split("/");
    if (isIP(addr)) add(addr, bits === undefined ? undefined : Number(bits));
  }
  return {
    empty: count === 0,
    has(addr: string) {
      if (count === 0) return false;
      const a = normalizeAddress(addr);
      const family = isIP(a);
      if (!family) return false;
      return list.check(a, family === 6 ? "ipv6" : "ipv4");
    },
  };
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy, in which case the
 * X-Forwarded-For chain is read from the right, skipping trusted hops (each proxy appends the
 * address it received the request from, so only the right end is vouched for).
 */
export function clientAddressFrom(peer: string, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  let addr = normalizeAddress(peer);
  if (!trusted.has(addr)) return addr;
  const chain = (forwardedFor ?? "").split(",").map((s) => normalizeAddress(s));
  while (chain.length) {
    const hop = chain.pop() as string;
    // A malformed hop cannot have come from a trusted proxy: stop at the last one we can vouch for.
    if (!isIP(hop)) break;
    addr = hop;
    if (!trusted.has(addr)) return addr;
  }
  return addr;
}
