import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { clients, outbox, payments, services } from "@/db/schema";
import { createClientUser, createUser } from "./factories";
import { form } from "./actions";
import { issuedInvoice, line } from "./invoices";

export const SUCCESS_CARD = "4242 4242 4242 4242";
export const DECLINE_CARD = "4000 0000 0000 0002";

/** A portal client (user + clients row with a phone and SMS consent) and an issued invoice for it. */
export async function portalClientWithInvoice(totalMinor = 10_000, opts: { smsOptIn?: boolean } = {}) {
  const { user, clientId } = await createClientUser();
  await getDb()
    .update(clients)
    .set({ phone: "+14155550199", smsOptIn: opts.smsOptIn ?? true })
    .where(eq(clients.id, clientId));
  const staff = await createUser({ role: "staff" });
  const invoice = await issuedInvoice({ id: staff.id, role: "staff" }, clientId, [line("Retainer", 1000, totalMinor)]);
  return { user, clientId, invoiceId: invoice.id, invoiceNumber: invoice.number, staff };
}

export const newKey = () => randomUUID().replace(/-/g, "");

/** The pay form as the browser posts it. */
export function payForm(invoiceId: number, amount: string, overrides: Record<string, string> = {}) {
  return form({
    invoiceId: String(invoiceId),
    amount,
    method: "card",
    idempotencyKey: newKey(),
    cardNumber: SUCCESS_CARD,
    cardExpiry: "12/39",
    cardCvc: "123",
    cardName: "Ada Lovelace",
    ...overrides,
  });
}

export async function paymentsOf(invoiceId: number) {
  return getDb().select().from(payments).where(eq(payments.invoiceId, invoiceId));
}

export async function messagesAbout(invoiceId: number, template: string) {
  return getDb()
    .select()
    .from(outbox)
    .where(and(eq(outbox.relatedType, "invoice"), eq(outbox.relatedId, invoiceId), eq(outbox.template, template)));
}

export async function createService(
  opts: { name?: string; priceMinor?: number; currency?: string; interval?: "monthly" | "yearly" | "quarterly" | "one_time"; active?: boolean; archived?: boolean } = {},
) {
  const [res] = await getDb()
    .insert(services)
    .values({
      name: opts.name ?? `Service ${randomUUID().slice(0, 6)}`,
      description: "A test service",
      priceMinor: opts.priceMinor ?? 5_000,
      currency: opts.currency ?? "USD",
      interval: opts.interval ?? "monthly",
      active: opts.active ?? true,
      archivedAt: opts.archived ? new Date() : null,
    });
  return res.insertId;
}
