import { parseEnv } from "@/lib/env-schema.mjs";

const valid = { DATABASE_URL: "mysql://root@127.0.0.1:3306/clientdesk", AUTH_SECRET: "x".repeat(32) };

describe("environment validation", () => {
  it("accepts the two required values and fills in defaults", () => {
    const env = parseEnv(valid);
    expect(env).toMatchObject({ APP_URL: "http://localhost:3000", OUTBOX_WORKER: "inline", DATABASE_POOL_SIZE: 10, CHROMIUM_PATH: "/usr/bin/chromium" });
    expect(env).toMatchObject({ PDF_POOL_SIZE: 2, PDF_ACQUIRE_TIMEOUT_MS: 15_000, PDF_PRINT_TIMEOUT_MS: 30_000, PDF_PAGE_MAX_PRINTS: 100 });
    expect(env.RESEND_API_KEY).toBeUndefined();
  });

  it("treats empty provider keys as not set, so the app captures messages", () => {
    expect(parseEnv({ ...valid, RESEND_API_KEY: "", TWILIO_ACCOUNT_SID: "  " })).toMatchObject({ RESEND_API_KEY: undefined, TWILIO_ACCOUNT_SID: undefined });
  });

  it("fails fast with one readable message naming every bad variable", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_URL: "postgres://x", AUTH_SECRET: "short", APP_URL: "not a url", DATABASE_POOL_SIZE: "-1" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid environment/);
    expect(message).toContain("DATABASE_URL: DATABASE_URL must start with mysql://");
    expect(message).toContain("AUTH_SECRET: AUTH_SECRET must be at least 32 characters");
    expect(message).toContain("APP_URL: APP_URL must be a full URL");
    expect(message).toContain("DATABASE_POOL_SIZE:");
  });

  it("says how to fix a missing secret", () => {
    expect(() => parseEnv({ DATABASE_URL: valid.DATABASE_URL })).toThrow(/AUTH_SECRET is required: generate one with `openssl rand -base64 32`/);
  });

  it("takes a test clock only off a public https address, where it is refused", () => {
    expect(parseEnv(valid).TEST_CLOCK_FILE).toBeUndefined();
    expect(parseEnv({ ...valid, TEST_CLOCK_FILE: "/tmp/clock.json" }).TEST_CLOCK_FILE).toBe("/tmp/clock.json");
    expect(() => parseEnv({ ...valid, APP_URL: "https://billing.example.com", TEST_CLOCK_FILE: "/tmp/clock.json" })).toThrow(
      /TEST_CLOCK_FILE: TEST_CLOCK_FILE moves the clock for end-to-end tests and is refused on an https APP_URL/,
    );
  });

  it("takes failover hosts as an ordered list naming the same database, and refuses anything else", () => {
    expect(parseEnv(valid).DATABASE_FAILOVER_URLS).toEqual([]);
    expect(parseEnv({ ...valid, DATABASE_FAILOVER_URLS: " mysql://root@10.0.0.2:3306/clientdesk, mysql://root@10.0.0.3:3306/clientdesk " }).DATABASE_FAILOVER_URLS).toEqual([
      "mysql://root@10.0.0.2:3306/clientdesk",
      "mysql://root@10.0.0.3:3306/clientdesk",
    ]);
    expect(() => parseEnv({ ...valid, DATABASE_FAILOVER_URLS: "10.0.0.2:3306" })).toThrow(/DATABASE_FAILOVER_URLS: "10.0.0.2:3306" is not a mysql:\/\/host:port\/database URL/);
    expect(() => parseEnv({ ...valid, DATABASE_FAILOVER_URLS: "mysql://u:secret@10.0.0.2:3306/clientdesk" })).not.toThrow();
    expect(() => parseEnv({ ...valid, DATABASE_FAILOVER_URLS: "mysql://u:secret@10.0.0.2:3306/" })).toThrow(/mysql:\/\/…@10.0.0.2:3306\/" is not/);
    expect(() => parseEnv({ ...valid, DATABASE_FAILOVER_URLS: "mysql://root@10.0.0.2:3306/other" })).toThrow(/every failover URL must name the same database as DATABASE_URL/);
    expect(parseEnv({ ...valid, DATABASE_TX_ATTEMPTS: "20" }).DATABASE_TX_ATTEMPTS).toBe(20);
  });
});
