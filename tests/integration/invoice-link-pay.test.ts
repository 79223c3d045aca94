import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, invoiceLinks, payments, sessions } from "@/db/schema";
import { payInvoiceByLink } from "@/lib/actions/links/pay-invoice-by-link";
import type { Actor } from "@/lib/actor";
import { LINK_CANT_PAY, LINK_PAY_IN_PORTAL } from "@/lib/invoices/link-pay";
import { reissueInvoiceLink } from "@/lib/invoices/links";
import { form } from "../support/actions";
import { databaseChecksum } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createClientUser, createUser } from "../support/factories";
import { createClient, ensureSettings, issuedInvoice, line, readInvoice } from "../support/invoices";
import { DECLINE_CARD, SUCCESS_CARD, messagesAbout, newKey, paymentsOf } from "../support/portal";
import { actAs } from "../support/request-context";

// The signed invoice link (/i/<token>) that the invoice email calls "view and
// pay online": a client without a portal login pays by card there. The token
// is the only credential: it pays its own invoice and nothing else, an
// expired or revoked one pays nothing, and no session is made.

let staff: Actor;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings({ taxRateBp: 0, minPaymentMinor: 1_000 });
  const user = await createUser({ role: "staff" });
  staff = { id: user.id, role: "staff" };
});

/** A client without a portal login, an issued invoice for it and a fresh link to it. */
async function linkedInvoice(totalMinor = 10_000) {
  const client = await createClient({ phone: "+14155550123", smsOptIn: true });
  const invoice = await issuedInvoice(staff, client.id, [line("Design work", 1000, totalMinor)]);
  const { url } = await reissueInvoiceLink(getDb(), { invoiceId: invoice.id, actor: staff });
  return { clientId: client.id, invoiceId: invoice.id, token: url.split("/i/")[1]! };
}

function linkForm(token: string, amount: string, overrides: Record<string, string> = {}) {
  return form({ token, amount, method: "card", idempotencyKey: newKey(), cardNumber: SUCCESS_CARD, cardExpiry: "12/39", cardCvc: "123", cardName: "Grace Hopper", ...overrides });
}

const sessionCount = async () =>
  Number(
    (
      await getDb()
        .select({ n: sql<number>`count(*)` })
        .from(sessions)
    )[0]!.n,
  );

describe("paying by signed invoice link (test provider)", () => {
  it("pays the link's invoice in parts, as the client's own payment, with receipts, and makes no session", async () => {
    const { clientId, invoiceId, token } = await linkedInvoice(10_000);
    await actAs(null);
    const before = await sessionCount();
    expect(await payInvoiceByLink(undefined, linkForm(token, "40.00"))).toMatchObject({ ok: true, data: { outcome: "succeeded", amountMinor: 4_000, balanceMinor: 6_000 } });
    expect(await payInvoiceByLink(undefined, linkForm(token, "60.00"))).toMatchObject({ ok: true, data: { outcome: "succeeded", balanceMinor: 0 } });
    expect(await readInvoice(invoiceId)).toMatchObject({ status: "paid", amountPaidMinor: 10_000 });
    const rows = await paymentsOf(invoiceId);
    expect(rows.map((p) => [p.clientId, p.amountMinor, p.status, p.method, p.recordedBy, p.provider])).toEqual([
      [clientId, 4_000, "succeeded", "card", null, "test"],
      [clientId, 6_000, "succeeded", "card", null, "test"],
    ]);
    // The same receipts as any payment: an email and an SMS each.
    expect(await messagesAbout(invoiceId, "payment_receipt")).toHaveLength(4);
    expect(await sessionCount()).toBe(before);
    // Audited, with no person behind it.
    const audits = await getDb().select().from(auditLog).where(eq(auditLog.entityType, "payment"));
    const mine = audits.filter((a) => rows.some((r) => r.id === a.entityId));
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.every((a) => a.actorUserId === null)).toBe(true);
    // Nothing left to pay.
    expect(await payInvoiceByLink(undefined, linkForm(token, "1.00"))).toMatchObject({ ok: false, formError: "This invoice is already paid in full." });
  });

  it("pays only the link's own invoice: an invoice id sent with it is ignored", async () => {
    const mine = await linkedInvoice(10_000);
    const other = await linkedInvoice(10_000);
    await actAs(null);
    expect(await payInvoiceByLink(undefined, linkForm(mine.token, "25.00", { invoiceId: String(other.invoiceId), clientId: String(other.clientId) }))).toMatchObject({
      ok: true,
      data: { outcome: "succeeded" },
    });
    expect(await readInvoice(mine.invoiceId)).toMatchObject({ amountPaidMinor: 2_500 });
    expect(await readInvoice(other.invoiceId)).toMatchObject({ amountPaidMinor: 0 });
    expect(await paymentsOf(other.invoiceId)).toHaveLength(0);
  });

  it("an expired, revoked, tampered or unknown token pays nothing and changes nothing", async () => {
    const expired = await linkedInvoice(10_000);
    await getDb()
      .update(invoiceLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invoiceLinks.invoiceId, expired.invoiceId));
    const revoked = await linkedInvoice(10_000);
    await getDb().update(invoiceLinks).set({ revokedAt: new Date() }).where(eq(invoiceLinks.invoiceId, revoked.invoiceId));
    const live = await linkedInvoice(10_000);
    await actAs(null);
    const checksum = await databaseChecksum();
    for (const token of [expired.token, revoked.token, `${live.token.slice(0, -1)}${live.token.endsWith("A") ? "B" : "A"}`, "A".repeat(43)]) {
      expect(await payInvoiceByLink(undefined, linkForm(token, "10.00"))).toMatchObject({ ok: false, formError: LINK_CANT_PAY });
    }
    expect(await payInvoiceByLink(undefined, linkForm("short", "10.00"))).toMatchObject({ ok: false, fieldErrors: { token: ["This link is not valid"] } });
    expect(await databaseChecksum()).toBe(checksum);
    for (const id of [expired.invoiceId, revoked.invoiceId, live.invoiceId]) expect(await paymentsOf(id)).toHaveLength(0);
  });

  it("a link to a client with a portal login charges nothing: they pay signed in", async () => {
    const owner = await createClientUser("Portal Owner");
    const invoice = await issuedInvoice(staff, owner.clientId, [line("Design work", 1000, 10_000)]);
    const { url } = await reissueInvoiceLink(getDb(), { invoiceId: invoice.id, actor: staff });
    await actAs(null);
    const checksum = await databaseChecksum();
    expect(await payInvoiceByLink(undefined, linkForm(url.split("/i/")[1]!, "10.00"))).toMatchObject({ ok: false, formError: LINK_PAY_IN_PORTAL });
    expect(await databaseChecksum()).toBe(checksum);
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
  });

  it("keeps the pay form's rules: the minimum, the balance, card only, a declined card, one charge per submit", async () => {
    const { invoiceId, token } = await linkedInvoice(10_500);
    await actAs(null);
    expect(await payInvoiceByLink(undefined, linkForm(token, "9.99"))).toMatchObject({ ok: false, fieldErrors: { amount: ["At least $10.00"] } });
    expect(await payInvoiceByLink(undefined, linkForm(token, "105.01"))).toMatchObject({ ok: false, fieldErrors: { amount: ["At most $105.00"] } });
    expect(await payInvoiceByLink(undefined, linkForm(token, "10.00", { method: "bank_transfer" }))).toMatchObject({ ok: false, fieldErrors: { method: ["Pay by card"] } });
    expect(await payInvoiceByLink(undefined, linkForm(token, "10.00", { cardNumber: DECLINE_CARD }))).toMatchObject({ ok: true, data: { outcome: "declined" } });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 0, status: "sent" });
    const key = newKey();
    const [a, b] = await Promise.all([payInvoiceByLink(undefined, linkForm(token, "50.00", { idempotencyKey: key })), payInvoiceByLink(undefined, linkForm(token, "50.00", { idempotencyKey: key }))]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    const succeeded = (await paymentsOf(invoiceId)).filter((p) => p.status === "succeeded");
    expect(succeeded.map((p) => p.amountMinor)).toEqual([5_000]);
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 5_000 });
    // Card details never reach the database.
    const stored = JSON.stringify(await getDb().select().from(payments).where(eq(payments.invoiceId, invoiceId)));
    expect(stored).not.toContain("4242424242424242");
  });
});
