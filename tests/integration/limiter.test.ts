import { consume } from "@/lib/limits/limiter";
import type { LimitRule } from "@/lib/limits/rules";
import { resetDatabase } from "../support/db";

beforeAll(async () => {
  await resetDatabase();
});

describe("the limiter", () => {
  it("reads a refusal from a limiter built by another copy of the library (another server bundle)", async () => {
    const rule: LimitRule = { name: "test:copies", points: 2, seconds: 60 };
    // First use builds the limiter and shares it on globalThis, as the first bundle to count would.
    expect(await consume({ rule, key: "k" })).toEqual({ ok: true });
    // Swap in one built from a separate copy of rate-limiter-flexible: its refusals are instances of another class.
    const store = globalThis as unknown as { __clientdeskLimiters: Map<string, unknown> };
    const [id, shared] = [...store.__clientdeskLimiters].find(([k]) => k.startsWith("test:copies"))!;
    let Other: typeof import("rate-limiter-flexible").RateLimiterMySQL | undefined;
    jest.isolateModules(() => {
      Other = jest.requireActual<typeof import("rate-limiter-flexible")>("rate-limiter-flexible").RateLimiterMySQL;
    });
    const original = shared as { client: unknown; dbName: string; tableName: string };
    store.__clientdeskLimiters.set(
      id,
      new Other!({
        storeClient: original.client,
        storeType: "pool",
        dbName: original.dbName,
        tableName: original.tableName,
        tableCreated: true,
        keyPrefix: rule.name,
        points: rule.points,
        duration: rule.seconds,
      }),
    );
    expect(await consume({ rule, key: "k" })).toEqual({ ok: true });
    expect(await consume({ rule, key: "k" })).toMatchObject({ ok: false, rule, retryAfterSeconds: expect.any(Number) });
  });
});

describe("a per-IP limit", () => {
  it("counts an IPv6 client by its /64, so fresh addresses from one network share its count", async () => {
    const rule: LimitRule = { name: "test:ipv6", points: 3, seconds: 60 };
    for (const ip of ["2001:db8:7:1::1", "2001:db8:7:1::2", "2001:0db8:0007:0001:ffff:0:0:3"]) expect(await consume({ rule, key: ip })).toEqual({ ok: true });
    expect(await consume({ rule, key: "2001:db8:7:1:dead:beef:0:4" })).toMatchObject({ ok: false, rule });
    // The next /64, and IPv4 addresses, are counted on their own.
    expect(await consume({ rule, key: "2001:db8:7:2::1" })).toEqual({ ok: true });
    for (const ip of ["192.0.2.1", "::ffff:192.0.2.2", "192.0.2.3", "192.0.2.4"]) expect(await consume({ rule, key: ip })).toEqual({ ok: true });
  });
});
