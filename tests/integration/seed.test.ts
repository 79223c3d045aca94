import { eq } from "drizzle-orm";
import type { RowDataPacket } from "mysql2/promise";
import { getPool } from "@/db";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { seedScale } from "@/db/seed/scale";
import { findViolations } from "@/db/seed/verify";
import { outbox } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { parsePhone, smsError } from "@/lib/phone";
import { getDb, resetDatabase } from "../support/db";
import { revealSecrets } from "../support/secrets";

// A fixed anchor: the same code and date must give the same data.
const TODAY = new Date("2026-03-15T12:00:00Z");
const TODAY_ISO = "2026-03-15";
// prettier-ignore
const TABLES = [
  "settings", "users", "clients", "services", "subscriptions", "invoices", "invoice_items",
  "payments", "invoice_counters", "invoice_links", "outbox", "outbox_attempts", "audit_log",
];

async function rows(sql: string, params: unknown[] = []): Promise<RowDataPacket[]> {
  const [result] = await getPool().query<RowDataPacket[]>(sql, params);
  return result;
}

async function tableCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await rows(`SELECT COUNT(*) AS n FROM ${t}`))[0]?.n);
  return out;
}

/** Each invoice beside the sum of its succeeded payments, recounted from the payments table. */
async function invoicesWithPayments(): Promise<RowDataPacket[]> {
  return rows(`
    SELECT i.id, i.number, i.status, DATE_FORMAT(i.due_date, '%Y-%m-%d') AS dueDate, i.total_minor AS total, i.amount_paid_minor AS paid,
           COALESCE(SUM(CASE WHEN p.status = 'succeeded' THEN p.amount_minor END), 0) AS succeeded,
           COUNT(p.id) AS payments
    FROM invoices i LEFT JOIN payments p ON p.invoice_id = i.id
    GROUP BY i.id, i.number, i.status, i.due_date, i.total_minor, i.amount_paid_minor
    ORDER BY i.id`);
}

/** The outbox with each message's sealed links opened: the sealing's IV is random, what it holds is not. */
async function outboxRows() {
  return (await getDb().select().from(outbox).orderBy(outbox.id)).map((m) => ({ ...m, secrets: m.secrets && revealSecrets(m).data }));
}

/** Everything the seed writes except the argon2 hash, whose salt is random. */
async function snapshot(): Promise<string> {
  const parts = await Promise.all([
    rows("SELECT id, email, name, phone, role, status, session_version, created_at FROM users ORDER BY id"),
    rows("SELECT * FROM clients ORDER BY id"),
    rows("SELECT * FROM subscriptions ORDER BY id"),
    rows("SELECT * FROM invoices ORDER BY id"),
    rows("SELECT * FROM invoice_items ORDER BY id"),
    rows("SELECT * FROM payments ORDER BY id"),
    rows("SELECT * FROM invoice_links ORDER BY id"),
    outboxRows(),
    rows("SELECT * FROM audit_log ORDER BY id"),
  ]);
  return JSON.stringify(parts);
}

function expectInvoiceRules(invoice: RowDataPacket): void {
  const { status, total, paid, succeeded } = invoice as unknown as { status: string; total: number; paid: number; succeeded: number };
  const where = `invoice ${invoice.id} (${status})`;
  expect([where, Number(paid)]).toEqual([where, Number(succeeded)]);
  expect(Number(paid)).toBeLessThanOrEqual(Number(total));
  expect([where, status === "paid"]).toEqual([where, Number(paid) === Number(total) && Number(total) > 0]);
  if (status !== "void") expect([where, status === "partially_paid"]).toEqual([where, Number(paid) > 0 && Number(paid) < Number(total)]);
  if (status === "draft" || status === "sent" || status === "void") expect([where, Number(paid)]).toEqual([where, 0]);
}

let first: Awaited<ReturnType<typeof seedDemo>>;

describe("the demo seed", () => {
  let firstSnapshot: string;

  beforeAll(async () => {
    await resetDatabase();
    first = await seedDemo(getDb(), { today: TODAY });
    firstSnapshot = await snapshot();
  });

  it("creates a believable business: about 25 clients, 8 services, 20 subscriptions and 60 invoices", async () => {
    expect(first.created).toBe(true);
    const counts = await tableCounts();
    expect(first.counts).toEqual(counts);
    expect(counts.settings).toBe(1);
    expect(counts.clients).toBeGreaterThanOrEqual(22);
    expect(counts.clients).toBeLessThanOrEqual(28);
    expect(counts.services).toBeGreaterThanOrEqual(6);
    expect(counts.services).toBeLessThanOrEqual(10);
    expect(counts.subscriptions).toBeGreaterThanOrEqual(15);
    expect(counts.subscriptions).toBeLessThanOrEqual(25);
    expect(counts.invoices).toBeGreaterThanOrEqual(50);
    expect(counts.invoices).toBeLessThanOrEqual(75);
    expect(counts.outbox).toBeGreaterThanOrEqual(10);
    expect(counts.outbox).toBeLessThanOrEqual(15);
    expect(counts.audit_log).toBeGreaterThanOrEqual(5);

    const [clients] = await rows("SELECT SUM(sms_opt_in) AS sms, SUM(archived_at IS NOT NULL) AS archived, SUM(user_id IS NOT NULL) AS portal FROM clients");
    expect(Number(clients?.sms)).toBeGreaterThanOrEqual(8);
    expect(Number(clients?.sms)).toBeLessThanOrEqual(12);
    expect(Number(clients?.archived)).toBeGreaterThanOrEqual(1);
    expect(Number(clients?.portal)).toBe(3);
    const services = await rows("SELECT billing_interval AS i, active, archived_at IS NOT NULL AS archived FROM services");
    expect(new Set(services.map((s) => s.i))).toEqual(new Set(["one_time", "monthly", "quarterly", "yearly"]));
    expect(services.filter((s) => !s.active && !s.archived)).toHaveLength(1);
    expect(services.filter((s) => s.archived)).toHaveLength(1);
  });

  it("keeps every data rule, recounting each invoice's payments", async () => {
    const invoices = await invoicesWithPayments();
    invoices.forEach(expectInvoiceRules);
    expect(await findViolations(getPool())).toEqual([]);
  });

  it("has invoices in every status, overdue ones included, and payments that don't count", async () => {
    const invoices = await invoicesWithPayments();
    const statuses = new Set(invoices.map((i) => i.status as string));
    expect(statuses).toEqual(new Set(["draft", "sent", "partially_paid", "paid", "void"]));
    const overdue = invoices.filter((i) => (i.status === "sent" || i.status === "partially_paid") && i.dueDate < TODAY_ISO);
    const current = invoices.filter((i) => i.status === "sent" && i.dueDate >= TODAY_ISO);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(current.length).toBeGreaterThanOrEqual(2);
    expect(invoices.filter((i) => i.status === "void").every((i) => Number(i.succeeded) === 0)).toBe(true);
    const uncounted = await rows("SELECT status, COUNT(*) AS n FROM payments WHERE status <> 'succeeded' GROUP BY status");
    expect(new Set(uncounted.map((p) => p.status))).toEqual(new Set(["pending", "failed", "refunded"]));
  });

  it("numbers issued invoices INV-<year>-<seq>, uniquely and in order, and leaves the counters at the last one", async () => {
    const invoices = await rows("SELECT number, status, issue_date FROM invoices ORDER BY id");
    const numbers = invoices.filter((i) => i.status !== "draft").map((i) => String(i.number));
    expect(invoices.filter((i) => i.status === "draft").every((i) => i.number === null)).toBe(true);
    for (const n of numbers) expect(n).toMatch(/^INV-\d{4}-\d{4}$/);
    expect(new Set(numbers).size).toBe(numbers.length);
    const lastByYear = new Map<number, number>();
    for (const n of numbers) {
      const [, year, seq] = n.split("-").map(Number) as [number, number, number];
      expect(seq).toBe((lastByYear.get(year) ?? 0) + 1);
      lastByYear.set(year, seq);
    }
    const counters = await rows("SELECT year, last_seq FROM invoice_counters WHERE prefix = 'INV' ORDER BY year");
    expect(counters.map((c) => [Number(c.year), Number(c.last_seq)])).toEqual([...lastByYear]);
  });

  it("sets up the three demo logins with the documented password, and the client login owns a client record", async () => {
    for (const [role, email] of Object.entries(DEMO_LOGINS)) {
      const [user] = await rows("SELECT id, role, status, password_hash FROM users WHERE email = ?", [email]);
      expect(user).toMatchObject({ role, status: "active" });
      expect(await verifyPassword(user?.password_hash as string, DEMO_PASSWORD)).toBe(true);
    }
    const [casey] = await rows("SELECT c.name, c.sms_opt_in, c.phone FROM clients c JOIN users u ON u.id = c.user_id WHERE u.email = ?", [DEMO_LOGINS.client]);
    expect(casey).toMatchObject({ name: "Casey Client", sms_opt_in: 1 });
    expect(casey?.phone).toMatch(/^\+\d{8,15}$/);
    const [admins] = await rows("SELECT SUM(role = 'admin') AS admins, SUM(status = 'disabled') AS disabled FROM users");
    expect([Number(admins?.admins), Number(admins?.disabled)]).toEqual([1, 1]);
  });

  it("gives every client and person a phone number the forms accept, and opts in to SMS only numbers that can take texts", async () => {
    const people = [...(await rows("SELECT name, phone, sms_opt_in FROM clients WHERE phone IS NOT NULL")), ...(await rows("SELECT name, phone, 0 AS sms_opt_in FROM users WHERE phone IS NOT NULL"))];
    expect(people.length).toBeGreaterThan(10);
    expect(people.some((p) => String(p.phone).startsWith("+44"))).toBe(true);
    const refused = people.flatMap((p) => {
      const parsed = parsePhone(p.phone as string, null);
      if (!parsed.ok) return [`${p.name}: ${p.phone}: ${parsed.error}`];
      if (p.sms_opt_in && smsError(parsed)) return [`${p.name}: ${p.phone} opted in: ${smsError(parsed)}`];
      return parsed.e164 === p.phone ? [] : [`${p.name}: ${p.phone} stored as ${parsed.e164}`];
    });
    expect(refused).toEqual([]);
  });

  it("stores the invoice emails' links as the app does: encrypted while captured or failing, gone once sent", async () => {
    const emails = await getDb().select().from(outbox).where(eq(outbox.template, "invoice"));
    expect(new Set(emails.map((m) => m.status))).toEqual(new Set(["captured", "sent"]));
    for (const m of emails) {
      expect(m.text).not.toMatch(/\/i\/[A-Za-z0-9_-]{43}/);
      expect(m.secrets === null).toBe(m.status === "sent");
      if (m.status === "captured") expect(revealSecrets(m).text).toMatch(/\/i\/[A-Za-z0-9_-]{43}/);
    }
  });

  it("does nothing when run again", async () => {
    const before = await tableCounts();
    const again = await seedDemo(getDb(), { today: TODAY });
    expect(again).toEqual({ created: false, counts: {} });
    expect(await tableCounts()).toEqual(before);
  });

  it("writes exactly the same data for the same date", async () => {
    await resetDatabase();
    await seedDemo(getDb(), { today: TODAY });
    expect(await snapshot()).toEqual(firstSnapshot);
  });
});

describe("the bulk seed", () => {
  beforeAll(async () => {
    await resetDatabase();
  });

  // Runs after the demo tests, whose counts it builds on.
  it("adds clients and invoices on top of the demo data, every status, keeping every rule", async () => {
    const result = await seedScale(getPool(), { clients: 200, invoices: 2000, today: TODAY });
    expect(result.demoCreated).toBe(true);
    expect(result.tables.clients.rows).toBe(200);
    expect(result.tables.invoices.rows).toBe(2000);

    const counts = await tableCounts();
    expect(counts.clients).toBe(first.counts.clients! + 200);
    expect(counts.invoices).toBe(first.counts.invoices! + 2000);

    const invoices = await invoicesWithPayments();
    invoices.forEach(expectInvoiceRules);
    expect(await findViolations(getPool())).toEqual([]);
    expect(new Set(invoices.map((i) => i.status as string))).toEqual(new Set(["draft", "sent", "partially_paid", "paid", "void"]));
    expect(invoices.some((i) => i.status === "sent" && i.dueDate < TODAY_ISO)).toBe(true);

    const [numbers] = await rows("SELECT COUNT(number) AS issued, COUNT(DISTINCT number) AS distinctNumbers, DATE_FORMAT(MAX(issue_date), '%Y-%m-%d') AS last FROM invoices");
    expect(numbers?.issued).toBe(numbers?.distinctNumbers);
    expect(String(numbers?.last) < TODAY_ISO).toBe(true);
    const [emails] = await rows("SELECT COUNT(*) AS n, COUNT(DISTINCT email) AS d FROM clients");
    expect(emails?.n).toBe(emails?.d);
  });
});
