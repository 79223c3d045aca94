import { eq, sql } from "drizzle-orm";
import { getDb, getPool } from "@/db";
import { clients, invoices, outbox, passwordResets, payments, services, settings, staffInvites, stripeEvents } from "@/db/schema";
import { newToken } from "@/lib/auth/one-time-token";

// Fixtures for the back-office integration tests: plain rows, written
// directly, so each test arranges exactly the state it needs.

let seq = 0;
const next = () => `${++seq}-${Date.now().toString(36)}`;

export async function ensureSettingsRow() {
  await getDb().delete(settings).where(eq(settings.id, 1));
  await getDb().insert(settings).values({ id: 1, companyName: "Acme Back Office", companyAddress: "1 Test Street", senderName: "Acme" });
}

export async function insertClient(
  opts: { name?: string; email?: string | null; phone?: string | null; smsOptIn?: boolean; archived?: boolean; company?: string | null; userId?: number | null; currency?: string } = {},
) {
  const n = next();
  const values = {
    name: opts.name ?? `Client ${n}`,
    company: opts.company ?? null,
    email: opts.email === undefined ? `client-${n}@test.example` : opts.email,
    phone: opts.phone ?? null,
    smsOptIn: opts.smsOptIn ?? false,
    archivedAt: opts.archived ? new Date() : null,
    userId: opts.userId ?? null,
    currency: opts.currency ?? "USD",
  };
  const [res] = await getDb().insert(clients).values(values);
  return { id: res.insertId, ...values };
}

/** An issued invoice row with a balance (defaults: sent, 100.00 USD, none paid, due 10 days ago). */
export async function insertInvoice(
  clientId: number,
  opts: { status?: "draft" | "sent" | "partially_paid" | "paid" | "void"; totalMinor?: number; paidMinor?: number; dueDate?: string; currency?: string } = {},
) {
  const n = next();
  const due = opts.dueDate ?? new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  const [res] = await getDb()
    .insert(invoices)
    .values({
      number: opts.status === "draft" ? null : `T-${n}`,
      clientId,
      status: opts.status ?? "sent",
      issueDate: "2026-01-01",
      dueDate: due,
      currency: opts.currency ?? "USD",
      subtotalMinor: opts.totalMinor ?? 10_000,
      totalMinor: opts.totalMinor ?? 10_000,
      amountPaidMinor: opts.paidMinor ?? 0,
    });
  return { id: res.insertId, number: `T-${n}` };
}

export async function insertService(opts: { name?: string; active?: boolean; archived?: boolean } = {}) {
  const [res] = await getDb()
    .insert(services)
    .values({ name: opts.name ?? `Service ${next()}`, priceMinor: 5000, currency: "USD", interval: "monthly", active: opts.active ?? true, archivedAt: opts.archived ? new Date() : null });
  return { id: res.insertId };
}

/** A pending invite whose decision token is returned in the clear. */
export async function insertPendingInvite(requestedBy: number, opts: { email?: string; decisionExpiresAt?: Date } = {}) {
  const { token, hash } = newToken();
  const email = opts.email ?? `invitee-${next()}@test.example`;
  const [res] = await getDb()
    .insert(staffInvites)
    .values({ email, name: "New Person", requestedBy, status: "pending_approval", decisionTokenHash: hash, decisionExpiresAt: opts.decisionExpiresAt ?? new Date(Date.now() + 86_400_000) });
  return { id: res.insertId, token, email };
}

/** An approved invite whose set-password token is returned in the clear. */
export async function insertApprovedInvite(requestedBy: number, opts: { expiresAt?: Date } = {}) {
  const { token, hash } = newToken();
  const email = `invitee-${next()}@test.example`;
  const [res] = await getDb()
    .insert(staffInvites)
    .values({
      email,
      name: "Approved Person",
      requestedBy,
      status: "approved",
      decidedBy: requestedBy,
      decidedAt: new Date(),
      acceptTokenHash: hash,
      expiresAt: opts.expiresAt ?? new Date(Date.now() + 86_400_000),
    });
  return { id: res.insertId, token, email };
}

export async function insertResetToken(userId: number, opts: { expiresAt?: Date } = {}) {
  const { token, hash } = newToken();
  await getDb()
    .insert(passwordResets)
    .values({ userId, tokenHash: hash, expiresAt: opts.expiresAt ?? new Date(Date.now() + 3_600_000) });
  return token;
}

/** The raw token in a link from a queued email, e.g. /invites/<token>/approve. */
export function tokenFrom(url: string, pattern: RegExp): string {
  const match = pattern.exec(url);
  if (!match?.[1]) throw new Error(`No token in ${url}`);
  return match[1];
}

export async function outboxFor(related: { type: string; id: number }) {
  return getDb()
    .select()
    .from(outbox)
    .where(sql`${outbox.relatedType} = ${related.type} and ${outbox.relatedId} = ${related.id}`)
    .orderBy(outbox.id);
}

/**
 * A fingerprint of every table's contents (CHECKSUM TABLE): equal before and
 * after a call means the call wrote nothing anywhere.
 */
export async function databaseChecksum(): Promise<string> {
  // Left out: rate-limit counters (a refused attempt is still counted, by
  // design) and sessions (actAs stands in for a sign-in that happened before).
  const [tables] = await getPool().query<import("mysql2").RowDataPacket[]>(
    "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name NOT IN ('__drizzle_migrations', 'rate_limiter', 'sessions') ORDER BY table_name",
  );
  const names = tables.map((r) => `\`${r.t as string}\``).join(", ");
  const [rows] = await getPool().query<import("mysql2").RowDataPacket[]>(`CHECKSUM TABLE ${names}`);
  return rows.map((r) => `${r.Table}=${r.Checksum}`).join(";");
}

/** A payment row on an invoice (defaults: a 25.00 bank transfer, pending). */
export async function insertPayment(
  invoiceId: number,
  clientId: number,
  opts: { status?: "pending" | "succeeded" | "failed" | "refunded"; amountMinor?: number; provider?: string | null; providerRef?: string | null } = {},
) {
  const [res] = await getDb()
    .insert(payments)
    .values({
      invoiceId,
      clientId,
      amountMinor: opts.amountMinor ?? 2_500,
      currency: "USD",
      method: opts.provider ? "card" : "bank_transfer",
      status: opts.status ?? "pending",
      provider: opts.provider ?? null,
      providerRef: opts.providerRef ?? null,
      receivedAt: opts.status === "succeeded" ? new Date() : null,
      idempotencyKey: `fixture:${next()}`,
    });
  return { id: res.insertId };
}

/** A Stripe webhook event stored as failed, as the webhook leaves one whose handler threw. */
export async function insertFailedStripeEvent(event: { type: string; object: Record<string, unknown> }) {
  const eventId = `evt_fixture_${next().replace(/-/g, "_")}`;
  const payload = JSON.stringify({ id: eventId, object: "event", type: event.type, data: { object: event.object }, created: Math.floor(Date.now() / 1000), livemode: false });
  const [res] = await getDb().insert(stripeEvents).values({ eventId, type: event.type, status: "failed", lastError: "Deadlock found when trying to get lock", payload });
  return { id: res.insertId, eventId };
}
