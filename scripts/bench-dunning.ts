// `npm run bench:dunning`: the daily reminder run (lib/reminders/run.ts) at
// 10,000 open invoices. It seeds 2,000 clients (one in four opted in to SMS)
// and 10,000 sent invoices whose due dates put each one at a step of the
// default schedule today (or between steps, or long overdue), switches the
// schedule on, and times the run, then a second run (which must queue
// nothing) and two runs at once on fresh data. The target is under 30 s.
// It uses its own database, clientdesk_dunning_bench, on DATABASE_URL's
// server or on the private test server (started here if needed).
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { closeDb, getDb, getPool } from "@/db";
import { runMigrations } from "@/db/migrate";
import { invoiceReminders, outbox, reminderSchedule, reminderSteps, settings } from "@/db/schema";
import { addDaysIso } from "@/lib/dates";
import { DEFAULT_STEPS } from "@/lib/reminders/schedule";
import { createDatabase, startPrivateServer, withDatabase } from "./lib/database.mjs";

const root = path.resolve(__dirname, "..");
const INVOICES = 10_000;
const CLIENTS = 2_000;
const TODAY = "2026-12-05";
const TARGET_S = 30;

async function seed(prefix: string) {
  const pool = getPool();
  const [first] = await pool.query<import("mysql2").ResultSetHeader>(
    `INSERT INTO clients (name, email, phone, sms_opt_in, currency, created_at, updated_at) VALUES ${Array.from({ length: CLIENTS }, () => "(?, ?, ?, ?, 'USD', NOW(3), NOW(3))").join(",")}`,
    Array.from({ length: CLIENTS }, (_, i) => [`Bench Client ${prefix}${i}`, `${prefix}${i}@bench.example.com`, `+1415${String(5000000 + i).padStart(7, "0")}`, i % 4 === 0]).flat(),
  );
  const firstClient = first.insertId;
  // Days since due from -5 to 59: some before any step, many on a step's day, most between or past the last.
  for (let start = 0; start < INVOICES; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, INVOICES - start) }, (_, k) => {
      const i = start + k;
      const due = addDaysIso(TODAY, -((i % 65) - 5));
      return [`${prefix}-${i}`, firstClient + (i % CLIENTS), "sent", "2026-09-01", due, "USD", 10_000 + i, 10_000 + i, i % 3 === 0 ? 2_500 : 0];
    });
    await pool.query(
      `INSERT INTO invoices (number, client_id, status, issue_date, due_date, currency, subtotal_minor, total_minor, amount_paid_minor, created_at, updated_at) VALUES ${rows.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(3), NOW(3))").join(",")}`,
      rows.flat(),
    );
  }
}

async function scheduleOn() {
  await getDb()
    .insert(reminderSteps)
    .values(DEFAULT_STEPS.map((s, position) => ({ ...s, position })));
  await getDb()
    .insert(reminderSchedule)
    .values({ id: 1, enabled: true })
    .onDuplicateKeyUpdate({ set: { enabled: true } });
}

async function main() {
  const server = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, stop: async () => {} } : await startPrivateServer(root, "test");
  const url = withDatabase(server.url, "clientdesk_dunning_bench");
  await createDatabase(url, { fresh: true });
  await runMigrations(url);
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ||= "bench-secret-bench-secret-bench-secret-0123456789";
  const { runReminderSchedule } = await import("@/lib/reminders/run");
  try {
    await getDb().insert(settings).values({ id: 1, companyName: "Bench Studio", companyAddress: "1 Bench Road", senderName: "Bench" });
    await scheduleOn();
    let t = performance.now();
    await seed("a");
    console.log(`Dunning benchmark, database ${url}`);
    console.log(`Seeded ${CLIENTS} clients and ${INVOICES} open invoices in ${((performance.now() - t) / 1000).toFixed(1)} s.\n`);

    t = performance.now();
    const first = await runReminderSchedule(getDb(), { today: TODAY });
    const firstS = (performance.now() - t) / 1000;
    const [queued] = await getDb().select({ n: count() }).from(outbox);
    console.log(
      `Daily run at ${INVOICES} open invoices: ${firstS.toFixed(2)} s, ${first.invoices} invoices reminded, ${first.messages} messages queued (${queued!.n} in the outbox), ${(first.messages / firstS).toFixed(0)} messages/s.`,
    );

    t = performance.now();
    const again = await runReminderSchedule(getDb(), { today: TODAY });
    console.log(`Second run the same day: ${((performance.now() - t) / 1000).toFixed(2)} s, ${again.invoices} invoices reminded (must be 0).`);

    // Two runners at once on a fresh set of invoices: each step still goes out once.
    await seed("b");
    t = performance.now();
    const both = await Promise.all([runReminderSchedule(getDb(), { today: TODAY }), runReminderSchedule(getDb(), { today: TODAY })]);
    const bothS = (performance.now() - t) / 1000;
    const [rows] = await getDb().select({ n: count() }).from(invoiceReminders);
    console.log(
      `Two runs at once on ${INVOICES} more invoices: ${bothS.toFixed(2)} s, ${both[0].invoices} + ${both[1].invoices} invoices reminded, ${rows!.n - first.invoices} reminder rows written for them.`,
    );

    const ok = firstS < TARGET_S && again.invoices === 0 && both[0].invoices + both[1].invoices === rows!.n - first.invoices;
    console.log(`\n${ok ? "PASS" : "FAIL"}: daily run at ${INVOICES} open invoices ${firstS.toFixed(2)} s (target < ${TARGET_S} s), no step queued twice.`);
    if (!ok) process.exitCode = 1;
    await getDb().update(reminderSchedule).set({ enabled: false }).where(eq(reminderSchedule.id, 1));
  } finally {
    await closeDb();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
