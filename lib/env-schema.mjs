// The environment, validated once with zod. Plain JS so next.config.mjs can
// import it and fail the build or start on a bad value; lib/env.ts gives the
// typed view to the app.
import { z } from "zod";
import { parseTrustedProxies } from "./client-address.mjs";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");
const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));
const int = (fallback) => z.coerce.number().int().positive().default(fallback);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string({ error: "DATABASE_URL is required, e.g. mysql://user:pass@127.0.0.1:3306/clientdesk" }).regex(/^mysql:\/\//, "DATABASE_URL must start with mysql://"),
  // Failover hosts of a multi-primary cluster (Galera), tried in order after DATABASE_URL: comma-separated mysql:// URLs naming the same database. Not read replicas.
  DATABASE_FAILOVER_URLS: z
    .string()
    .trim()
    .default("")
    .transform((v, ctx) => {
      const urls = v
        .split(",")
        .map((u) => u.trim())
        .filter(Boolean);
      for (const u of urls) {
        if (!/^mysql:\/\/[^/]+\/[A-Za-z0-9_]+$/.test(u.split("?")[0])) {
          ctx.addIssue({ code: "custom", message: `"${u.replace(/\/\/[^@/]*@/, "//…@")}" is not a mysql://host:port/database URL` });
          return z.NEVER;
        }
      }
      return urls;
    }),
  DATABASE_FAILOVER_RETRY_MS: int(5000),
  DATABASE_POOL_SIZE: int(10),
  // How many times a transaction runs before a deadlock (1213) or lock wait timeout (1205) is passed on (lib/transaction.ts). A Galera cluster whose apps write through different nodes wants more (docs/scale.md).
  DATABASE_TX_ATTEMPTS: int(5),
  AUTH_SECRET: z.string({ error: "AUTH_SECRET is required: generate one with `openssl rand -base64 32`" }).min(32, "AUTH_SECRET must be at least 32 characters"),
  APP_URL: z.url({ error: "APP_URL must be a full URL like http://localhost:3000" }).default("http://localhost:3000"),
  RESEND_API_KEY: optional,
  RESEND_BASE_URL: optional,
  EMAIL_FROM: z.string().default("ClientDesk <billing@example.com>"),
  TWILIO_ACCOUNT_SID: optional,
  TWILIO_AUTH_TOKEN: optional,
  TWILIO_FROM_NUMBER: optional,
  TWILIO_MESSAGING_SERVICE_SID: optional,
  TWILIO_BASE_URL: optional,
  // Sends per second each outbox worker keeps to, below the provider's rate limit (Resend's default is 2 per second per team).
  RESEND_MAX_PER_SECOND: int(2),
  TWILIO_MAX_PER_SECOND: int(10),
  OUTBOX_WORKER: z.enum(["inline", "off"]).default("inline"),
  // npm run bench:web serves /bench/reference, its bare comparison page; anywhere else that page is a 404.
  BENCH_REFERENCE: z.enum(["on", "off"]).default("off"),
  OUTBOX_POLL_MS: int(2000),
  OUTBOX_MAX_ATTEMPTS: int(6),
  OUTBOX_RETENTION_DAYS: int(90),
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
  PDF_POOL_SIZE: int(2),
  PDF_ACQUIRE_TIMEOUT_MS: int(15_000),
  PDF_PRINT_TIMEOUT_MS: int(30_000),
  PDF_PAGE_MAX_PRINTS: int(100),
  PAYMENT_PROVIDER: z.enum(["test"]).default("test"),
  // Card payments through Stripe (lib/payments/stripe): set both keys to take real payments; unset, the test provider stays.
  STRIPE_SECRET_KEY: optional,
  STRIPE_WEBHOOK_SECRET: optional,
  // Where the Stripe SDK sends API calls, for stripe-mock or an outbound proxy (e.g. http://127.0.0.1:12111). Unset: api.stripe.com.
  STRIPE_API_BASE: optional.pipe(z.url({ error: "STRIPE_API_BASE must be a full URL like http://127.0.0.1:12111" }).optional()),
  LOG_QUERIES: bool,
  // Which proxies' X-Forwarded-For to believe (lib/client-address.mjs): "" none, a hop count, or addresses and CIDR ranges.
  TRUSTED_PROXIES: z
    .string()
    .trim()
    .default("")
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      }
    }),
  // End-to-end tests only (lib/clock.ts): a file whose {"offsetMs": n} moves the app's clock.
  TEST_CLOCK_FILE: optional,
});

// A public server never runs on a moved clock.
const checkedEnvSchema = envSchema.superRefine((value, ctx) => {
  const dbName = (url) => new URL(url).pathname;
  if (value.DATABASE_FAILOVER_URLS.some((u) => dbName(u) !== dbName(value.DATABASE_URL))) {
    ctx.addIssue({ code: "custom", path: ["DATABASE_FAILOVER_URLS"], message: "every failover URL must name the same database as DATABASE_URL (they are nodes of one cluster)." });
  }
  if (value.STRIPE_SECRET_KEY && !value.STRIPE_WEBHOOK_SECRET) {
    ctx.addIssue({
      code: "custom",
      path: ["STRIPE_WEBHOOK_SECRET"],
      message: "STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY: payments are recorded only from signed webhooks (whsec_... from the Stripe dashboard).",
    });
  }
  if (value.TEST_CLOCK_FILE && value.APP_URL.startsWith("https:")) {
    ctx.addIssue({ code: "custom", path: ["TEST_CLOCK_FILE"], message: "TEST_CLOCK_FILE moves the clock for end-to-end tests and is refused on an https APP_URL: unset it." });
  }
});

/**
 * Parses an environment object; throws one readable error listing every bad variable.
 * @param {Record<string, string | undefined>} [source]
 */
export function parseEnv(source = process.env) {
  const result = checkedEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`Invalid environment (see README.md, "Configuration"):\n${lines.join("\n")}`);
  }
  return result.data;
}
