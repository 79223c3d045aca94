import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { clients, invoices, settings } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { createDraftInvoice, type DraftLine } from "@/lib/invoices/drafts";
import { issueInvoice } from "@/lib/invoices/issue";

let seq = 0;

/** A clients row (no portal login). */
export async function createClient(opts: { name?: string; email?: string | null; phone?: string | null; smsOptIn?: boolean; archived?: boolean } = {}) {
  seq += 1;
  const name = opts.name ?? `Test Client ${seq}`;
  const [res] = await getDb()
    .insert(clients)
    .values({
      name,
      email: opts.email === undefined ? `client${seq}-${Date.now()}@test.example` : opts.email,
      phone: opts.phone ?? null,
      smsOptIn: opts.smsOptIn ?? false,
      archivedAt: opts.archived ? new Date() : null,
    });
  return { id: res.insertId, name };
}

/** The company settings row the app reads (prefix, due days, tax, minimum payment). */
export async function ensureSettings(overrides: Partial<typeof settings.$inferInsert> = {}) {
  await getDb().delete(settings).where(eq(settings.id, 1));
  await getDb()
    .insert(settings)
    .values({
      id: 1,
      companyName: "Acme Testing Co",
      senderName: "Acme",
      companyAddress: "1 Test Street\nSpringfield",
      companyEmail: "billing@acme.test",
      invoicePrefix: "INV",
      dueDays: 14,
      taxRateBp: 1000,
      minPaymentMinor: 100,
      ...overrides,
    });
}

export const line = (description: string, quantityMilli: number, unitPriceMinor: number, taxRateBp = 0, serviceId: number | null = null): DraftLine => ({
  serviceId,
  description,
  quantityMilli,
  unitPriceMinor,
  taxRateBp,
});

export function draft(
  clientId: number,
  lines: DraftLine[] = [line("Consulting", 1000, 10_000)],
  extra: { discountMinor?: number; issueDate?: string; dueDate?: string; currency?: string; notes?: string | null } = {},
) {
  return {
    clientId,
    currency: extra.currency ?? "USD",
    issueDate: extra.issueDate ?? "2026-03-01",
    dueDate: extra.dueDate ?? "2026-03-15",
    discountMinor: extra.discountMinor ?? 0,
    notes: extra.notes ?? null,
    lines,
  };
}

/** A draft created and issued; returns its id and number. */
export async function issuedInvoice(actor: Actor, clientId: number, lines?: DraftLine[], extra: Parameters<typeof draft>[2] = {}) {
  const { id } = await createDraftInvoice(getDb(), { ...draft(clientId, lines, extra), actor });
  const issued = await issueInvoice(getDb(), { invoiceId: id, actor });
  return { id, number: issued.number };
}

export async function readInvoice(id: number) {
  const [row] = await getDb().select().from(invoices).where(eq(invoices.id, id));
  return row!;
}

/** Where the invoice and service rollups disagree with a recount (clients made here skip the client rollup on purpose). */
export async function invoiceRollupDrift(): Promise<string[]> {
  const { invoiceAndServiceDrift } = await import("./rollup-drift");
  return invoiceAndServiceDrift(getDb());
}
