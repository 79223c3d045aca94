// `npm run bench:outbox`: outbox throughput and latency through local stubs
// that speak the Resend and Twilio APIs (the real SDKs do the sending).
//  1. Throughput: 1000 queued messages (4 emails : 1 SMS) drained by 1, then
//     2, separate `npm run worker` processes. Messages per second.
//  2. Latency from calling enqueue() to the stub receiving the message, for
//     one-time codes queued one at a time: with the in-process worker woken by
//     kickOutbox() (the app's default), and with a separate polling worker.
// It uses its own database, clientdesk_outbox_bench, on DATABASE_URL's server
// or on the private test server (started here if needed).
import { spawn } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { runMigrations } from "@/db/migrate";
import { outbox } from "@/db/schema";
import { sampleData } from "@/emails/samples";
import { enqueue } from "@/lib/notify/enqueue";
import { kickOutbox, onOutboxKick } from "@/lib/notify/kick";
import { createResendProvider } from "@/lib/notify/providers/resend";
import { createTwilioProvider } from "@/lib/notify/providers/twilio";
import { createWorker } from "@/lib/notify/worker";
import { startResendStub } from "@/tests/support/stubs/resend-stub";
import { startTwilioStub, STUB_ACCOUNT_SID } from "@/tests/support/stubs/twilio-stub";
import { createDatabase, startPrivateServer, withDatabase } from "./lib/database.mjs";
import { inTransaction } from "@/lib/transaction";

const root = path.resolve(__dirname, "..");
const THROUGHPUT_MESSAGES = 1000;
const LATENCY_MESSAGES = 200;
const LATENCY_GAP_MS = 25;
const FROM_NUMBER = "+15005550006";

type Stubs = Awaited<ReturnType<typeof startStubs>>;

async function startStubs() {
  const [resend, twilio] = await Promise.all([startResendStub(), startTwilioStub()]);
  const delivered = () => resend.requests.length + twilio.requests.length;
  // When each recipient's message reached the stub.
  const arrivals = () => new Map<string, number>([...resend.requests.map((r) => [String([r.body.to].flat()[0]), r.at] as const), ...twilio.requests.map((r) => [r.to!, r.at] as const)]);
  const reset = () => {
    resend.requests.length = 0;
    twilio.requests.length = 0;
  };
  return { resend, twilio, delivered, arrivals, reset, close: () => Promise.all([resend.close(), twilio.close()]) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, done: () => boolean, timeoutMs = 120_000) {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}.`);
    await sleep(5);
  }
}

const recipient = (run: string, i: number, sms: boolean) => (sms ? `+1${String(4155000000 + i)}` : `${run}-${i}@bench.example.com`);

/** Queues messages in transactions of 100, like a bulk send would. */
async function queueBulk(run: string, count: number) {
  for (let start = 0; start < count; start += 100) {
    await inTransaction(getDb(), async (tx) => {
      for (let i = start; i < Math.min(count, start + 100); i++) {
        const sms = i % 5 === 4;
        const to = recipient(run, i, sms);
        const key = `${run}:${i}`;
        if (sms) await enqueue(tx, { channel: "sms", to, template: "payment_receipt", data: sampleData.payment_receipt, idempotencyKey: key });
        else await enqueue(tx, { channel: "email", to, template: "invoice", data: sampleData.invoice, idempotencyKey: key });
      }
    });
  }
}

function workerEnv(stubs: Stubs, pollMs: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    RESEND_API_KEY: "re_bench",
    RESEND_BASE_URL: stubs.resend.url,
    TWILIO_ACCOUNT_SID: STUB_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: "bench",
    TWILIO_FROM_NUMBER: FROM_NUMBER,
    TWILIO_MESSAGING_SERVICE_SID: "",
    TWILIO_BASE_URL: stubs.twilio.url,
    OUTBOX_POLL_MS: String(pollMs),
  };
}

/** Starts `npm run worker` processes and resolves once each has said it started. */
async function startWorkers(count: number, env: NodeJS.ProcessEnv) {
  const children = await Promise.all(
    Array.from({ length: count }, () => {
      const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--tsconfig", "tsconfig.scripts.json", "scripts/worker.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
      return new Promise<typeof child>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          if (chunk.toString().includes("started")) resolve(child);
        });
        child.on("exit", (code) => reject(new Error(`A worker exited early (code ${code}).`)));
      });
    }),
  );
  return async () => {
    await Promise.all(children.map((child) => new Promise((resolve) => (child.once("exit", resolve), child.kill("SIGTERM")))));
  };
}

async function throughput(stubs: Stubs, workers: number) {
  const run = `tp${workers}`;
  stubs.reset();
  await queueBulk(run, THROUGHPUT_MESSAGES);
  // Hold the batch until every worker is up, so all of them start on a full queue together.
  await getDb()
    .update(outbox)
    .set({ nextAttemptAt: sql`NOW(3) + INTERVAL 1 DAY` })
    .where(sql`${outbox.idempotencyKey} LIKE ${`${run}:%`}`);
  const stop = await startWorkers(workers, workerEnv(stubs, 100));
  const started = Date.now();
  await getDb()
    .update(outbox)
    .set({ nextAttemptAt: sql`NOW(3)` })
    .where(sql`${outbox.idempotencyKey} LIKE ${`${run}:%`}`);
  await until(`${THROUGHPUT_MESSAGES} deliveries`, () => stubs.delivered() >= THROUGHPUT_MESSAGES);
  const seconds = (Date.now() - started) / 1000;
  await stop();
  const duplicates = stubs.delivered() - THROUGHPUT_MESSAGES;
  console.log(
    `throughput, ${workers} worker${workers > 1 ? "s" : " "}: ${THROUGHPUT_MESSAGES} messages in ${seconds.toFixed(2)} s = ${Math.round(THROUGHPUT_MESSAGES / seconds)} messages/s` +
      ` (${duplicates} duplicates)`,
  );
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** One-time codes queued one at a time; milliseconds from enqueue() to the stub, per message. */
async function latency(stubs: Stubs, label: string, run: string, kick: boolean) {
  stubs.reset();
  const queuedAt = new Map<string, number>();
  for (let i = 0; i < LATENCY_MESSAGES; i++) {
    const sms = i % 2 === 0;
    const to = recipient(run, i, sms);
    queuedAt.set(to, Date.now());
    const input = { to, template: "otp_code" as const, data: { code: String(100000 + i), minutes: 10 }, idempotencyKey: `${run}:${i}` };
    await inTransaction(getDb(), (tx) => enqueue(tx, sms ? { ...input, channel: "sms" } : { ...input, channel: "email" }));
    if (kick) kickOutbox();
    await sleep(LATENCY_GAP_MS);
  }
  await until(`${LATENCY_MESSAGES} deliveries`, () => stubs.delivered() >= LATENCY_MESSAGES);
  const arrivals = stubs.arrivals();
  const times = [...queuedAt].map(([to, at]) => arrivals.get(to)! - at).sort((a, b) => a - b);
  console.log(`latency, ${label}: ${LATENCY_MESSAGES} one-time codes, p50 ${percentile(times, 50)} ms, p95 ${percentile(times, 95)} ms, max ${times.at(-1)} ms`);
}

async function main() {
  const server = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, stop: async () => {} } : await startPrivateServer(root, "test");
  const url = withDatabase(server.url, "clientdesk_outbox_bench");
  await createDatabase(url, { fresh: true });
  await runMigrations(url);
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ||= "bench-secret-bench-secret-bench-secret-0123456789";
  const stubs = await startStubs();
  try {
    console.log(`Outbox benchmark: real resend/twilio SDKs against local stubs, database ${url}\n`);
    await throughput(stubs, 1);
    await throughput(stubs, 2);

    const inline = createWorker({
      providers: {
        email: createResendProvider({ apiKey: "re_bench", baseUrl: stubs.resend.url, from: "Bench <bench@example.com>" }),
        sms: createTwilioProvider({ accountSid: STUB_ACCOUNT_SID, authToken: "bench", from: FROM_NUMBER, baseUrl: stubs.twilio.url }),
      },
      batchSize: 5,
    });
    const unsubscribe = onOutboxKick(inline.kick);
    inline.start();
    await latency(stubs, "in-process worker woken by kickOutbox()", "lat-kick", true);
    unsubscribe();
    await inline.stop();

    const stop = await startWorkers(1, workerEnv(stubs, 500));
    await latency(stubs, "separate worker polling every 500 ms, no kick", "lat-poll", false);
    await stop();
  } finally {
    await stubs.close();
    await closeDb();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
