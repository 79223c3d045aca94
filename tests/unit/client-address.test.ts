/**
 * @jest-environment node
 */
import { parseEnv } from "@/lib/env-schema.mjs";
import { normalizeAddress, parseTrustedProxies, rateLimitAddress, resolveClientAddress } from "@/lib/client-address.mjs";

const valid = { DATABASE_URL: "mysql://root@127.0.0.1:3306/clientdesk", AUTH_SECRET: "x".repeat(32) };
const resolve = (socket: string, xff: string | undefined, trusted: string) => resolveClientAddress(socket, xff, parseTrustedProxies(trusted)).address;

describe("the client address (server.mjs)", () => {
  it("with no trusted proxy, is the socket's address whatever X-Forwarded-For says", () => {
    expect(resolve("127.0.0.1", "6.6.6.6", "")).toBe("127.0.0.1");
    expect(resolve("::ffff:192.0.2.10", "6.6.6.6, 7.7.7.7", "")).toBe("192.0.2.10");
    expect(resolve("2001:db8::1", undefined, "")).toBe("2001:db8::1");
  });

  it("with a hop count, takes the address that many proxies back, never further than the header goes", () => {
    // nginx on the same machine appends the address it saw.
    expect(resolve("127.0.0.1", "203.0.113.5", "1")).toBe("203.0.113.5");
    // A client's own forged entries sit to the left of what the proxy appended.
    expect(resolve("127.0.0.1", "6.6.6.6, 203.0.113.5", "1")).toBe("203.0.113.5");
    expect(resolve("10.0.0.2", "6.6.6.6, 203.0.113.5, 10.0.0.1", "2")).toBe("203.0.113.5");
    expect(resolve("10.0.0.2", "203.0.113.5", "3")).toBe("203.0.113.5");
    expect(resolve("10.0.0.2", undefined, "1")).toBe("10.0.0.2");
  });

  it("with a list, walks back only through trusted proxies", () => {
    expect(resolve("10.0.0.1", "6.6.6.6, 203.0.113.5, 10.0.0.9", "10.0.0.0/8")).toBe("203.0.113.5");
    expect(resolve("10.0.0.1", "203.0.113.5", "private")).toBe("203.0.113.5");
    expect(resolve("::1", "203.0.113.5", "loopback")).toBe("203.0.113.5");
    // A peer that isn't a trusted proxy is the client, whatever it forwards.
    expect(resolve("198.51.100.1", "6.6.6.6", "10.0.0.0/8")).toBe("198.51.100.1");
    expect(resolveClientAddress("198.51.100.1", "6.6.6.6", parseTrustedProxies("10.0.0.0/8")).viaTrustedProxy).toBe(false);
  });

  it("stops at an entry that isn't an address instead of believing it", () => {
    expect(resolve("127.0.0.1", "evil.example", "1")).toBe("127.0.0.1");
    expect(resolve("10.0.0.1", "6.6.6.6, not-an-ip", "private")).toBe("10.0.0.1");
    expect(resolve("127.0.0.1", "1.2.3.4\r\nx: y", "1")).toBe("127.0.0.1");
  });

  it("normalizes IPv4-mapped IPv6 and refuses what isn't an address", () => {
    expect(normalizeAddress("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("10.1.2")).toBeNull();
    expect(normalizeAddress(undefined)).toBeNull();
  });

  it("TRUSTED_PROXIES is validated with the rest of the environment", () => {
    expect(parseEnv(valid).TRUSTED_PROXIES).toBe("");
    expect(parseEnv({ ...valid, TRUSTED_PROXIES: "1" }).TRUSTED_PROXIES).toBe("1");
    expect(parseEnv({ ...valid, TRUSTED_PROXIES: "loopback, 10.0.0.0/8, 2001:db8::/32" }).TRUSTED_PROXIES).toContain("loopback");
    expect(() => parseEnv({ ...valid, TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseEnv({ ...valid, TRUSTED_PROXIES: "everyone" })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseEnv({ ...valid, TRUSTED_PROXIES: "99" })).toThrow(/hop count/);
  });
});

describe("the address a per-IP rate limit counts", () => {
  it("counts an IPv6 address by its /64, however it is written", () => {
    const block = "2001:db8:0:0::/64";
    expect(rateLimitAddress("2001:db8::1")).toBe(block);
    expect(rateLimitAddress("2001:db8::ffff:1")).toBe(block);
    expect(rateLimitAddress("2001:0db8:0000:0000:0000:0000:0000:0001")).toBe(block);
    expect(rateLimitAddress("2001:DB8:0:0:1234:5678:9ABC:DEF0")).toBe(block);
    expect(rateLimitAddress("2001:db8::")).toBe(block);
    expect(rateLimitAddress("2001:db8:85a3:08d3:1319:8a2e:0370:7348")).toBe("2001:db8:85a3:8d3::/64");
    expect(rateLimitAddress("2001:db8:0:1::1")).toBe("2001:db8:0:1::/64");
    expect(rateLimitAddress("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
    expect(rateLimitAddress("::1")).toBe("0:0:0:0::/64");
  });

  it("keeps IPv4, mapped or not, as the one address", () => {
    expect(rateLimitAddress("1.2.3.4")).toBe("1.2.3.4");
    expect(rateLimitAddress("::ffff:1.2.3.4")).toBe("1.2.3.4");
    expect(rateLimitAddress("::FFFF:1.2.3.4")).toBe("1.2.3.4");
    expect(rateLimitAddress("::ffff:102:304")).toBe("1.2.3.4");
    expect(rateLimitAddress("0:0:0:0:0:ffff:0102:0304")).toBe("1.2.3.4");
    expect(rateLimitAddress("::ffff:1.2.3.5")).not.toBe(rateLimitAddress("::ffff:1.2.3.4"));
  });

  it("leaves anything that isn't an address alone", () => {
    for (const value of ["unknown", "someone@test.example", "42", "1.2.3", "2001:db8::1::2"]) expect(rateLimitAddress(value)).toBe(value);
  });
});
