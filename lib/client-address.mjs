// Who is on the other end of a request. Plain JS so server.mjs can use it
// before Next starts; lib/auth/ip.ts reads the result.
//
// The address comes from the TCP socket. X-Forwarded-For is believed only as
// far as the configured trusted proxies go (TRUSTED_PROXIES), walking it from
// the right the way each proxy appended to it, so a client can't choose the
// address its rate limits and audit rows are counted under.
import { BlockList, isIP } from "node:net";

const NAMED = {
  loopback: [
    ["127.0.0.0", 8, "ipv4"],
    ["::1", 128, "ipv6"],
  ],
  private: [
    ["10.0.0.0", 8, "ipv4"],
    ["172.16.0.0", 12, "ipv4"],
    ["192.168.0.0", 16, "ipv4"],
    ["fc00::", 7, "ipv6"],
  ],
};

/** "::ffff:1.2.3.4" (an IPv4 client on a dual-stack socket) is 1.2.3.4. */
export function normalizeAddress(address) {
  if (typeof address !== "string") return null;
  const trimmed = address.trim();
  const unmapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)?.[1] ?? trimmed;
  return isIP(unmapped) ? unmapped.toLowerCase() : null;
}

/**
 * The address a per-IP rate limit counts: an IPv6 address as its /64 network
 * ("2001:db8:0:0::/64"). A home line or a server is routinely given a whole
 * /64, so counted one address at a time a client could take a fresh address
 * for every try. IPv4 (and IPv4-mapped IPv6, in either notation) is counted
 * by its own address; anything that isn't an address comes back as it is.
 * @param {string} value
 * @returns {string}
 */
export function rateLimitAddress(value) {
  const ip = normalizeAddress(value);
  if (!ip) return value;
  if (isIP(ip) !== 6) return ip;
  const groups = ipv6Groups(ip);
  // ::ffff:a.b.c.d written in hex (::ffff:102:304) is still that IPv4 address.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, "::" and a trailing dotted IPv4 part expanded. */
function ipv6Groups(/** @type {string} */ ip) {
  const parse = (/** @type {string} */ part) =>
    part === ""
      ? []
      : part.split(":").flatMap((g) => {
          if (!g.includes(".")) return [parseInt(g, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = g.split(".").map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head = "", tail] = ip.split("%")[0].split("::");
  const before = parse(head);
  const after = tail === undefined ? [] : parse(tail);
  return [...before, ...Array(8 - before.length - after.length).fill(0), ...after];
}

/**
 * The TRUSTED_PROXIES setting, parsed: "" (no proxy: the socket is the
 * client), a hop count ("1": one proxy in front, e.g. nginx on the same
 * machine or a load balancer), or a comma list of addresses, CIDR ranges and
 * the names "loopback" and "private". Throws on anything else.
 * @param {string | undefined} value
 * @returns {{ kind: "none" } | { kind: "hops"; hops: number } | { kind: "list"; list: BlockList; text: string }}
 */
export function parseTrustedProxies(value) {
  const text = (value ?? "").trim();
  if (text === "" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new Error("TRUSTED_PROXIES: a hop count is 0 to 10");
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const item of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (item in NAMED) {
      for (const [net, prefix, type] of NAMED[item]) list.addSubnet(net, prefix, type);
      continue;
    }
    const [address, prefixText, extra] = item.split("/");
    const ip = normalizeAddress(address);
    const type = ip && isIP(ip) === 6 ? "ipv6" : "ipv4";
    const max = type === "ipv6" ? 128 : 32;
    const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!ip || extra !== undefined || !(prefix >= 0 && prefix <= max)) {
      throw new Error(`TRUSTED_PROXIES: "${item}" is not an address, a CIDR range, "loopback" or "private"`);
    }
    list.addSubnet(ip, prefix, type);
  }
  return { kind: "list", list, text };
}

function trusts(trust, address) {
  return trust.kind === "list" && trust.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address for a request that arrived from `socketAddress` with
 * these X-Forwarded-For values, and whether the socket's peer is a trusted
 * proxy (only then are its other X-Forwarded-* headers worth keeping).
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {ReturnType<typeof parseTrustedProxies>} trust
 */
export function resolveClientAddress(socketAddress, forwardedFor, trust) {
  const peer = normalizeAddress(socketAddress) ?? "unknown";
  if (trust.kind === "none" || peer === "unknown") return { address: peer, viaTrustedProxy: false };
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // Nearest first: the peer, then what each proxy in turn says it received from.
  const chain = [peer, ...hops.reverse()];
  if (trust.kind === "hops") {
    let i = 0;
    while (i < trust.hops && i + 1 < chain.length) {
      const next = normalizeAddress(chain[i + 1]);
      if (!next) break;
      chain[i + 1] = next;
      i++;
    }
    return { address: chain[i], viaTrustedProxy: true };
  }
  if (!trusts(trust, peer)) return { address: peer, viaTrustedProxy: false };
  let i = 0;
  while (i + 1 < chain.length && trusts(trust, chain[i])) {
    const next = normalizeAddress(chain[i + 1]);
    if (!next) break;
    chain[i + 1] = next;
    i++;
  }
  return { address: chain[i], viaTrustedProxy: true };
}
