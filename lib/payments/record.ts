import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { invoices, payments, type InvoiceStatus, type PaymentMethod } from "@/db/schema";
import { readSettings } from "@/db/queries/settings";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { auditActor, type ActorOrSystem } from "@/lib/actor";
import { lockInvoice, type LockedInvoice } from "@/lib/invoices/lock";
import { balanceDue, formatMoney } from "@/lib/money";
import { inTransaction, isDuplicateKey } from "@/lib/transaction";
import { minimumPartPayment } from "./minimum";
import { applyPaidDelta } from "./apply";
import { queueReceipts } from "./receipts";

export type RecordPaymentInput = {
  invoiceId: number;
  amountMinor: number;
  method: PaymentMethod;
  reference?: string | null;
  /** When the money arrived; defaults to now for a succeeded payment, none for a pending one. */
  receivedAt?: Date | null;
  /** "pending" for a bank transfer or cash the client declared, until staff confirm it. */
  status: "succeeded" | "pending";
  /** One payment per key, ever: a retried submit returns the first payment. */
  idempotencyKey: string;
  actor: ActorOrSystem;
  /** For client callers: the invoice must belong to this client, or it is "not found". */
  clientScope?: number;
  /** Card payments name the provider that took them. */
  provider?: string | null;
  providerRef?: string | null;
};

export type PaymentResult = {
  paymentId: number;
  invoiceId: number;
  status: "succeeded" | "pending" | "failed" | "refunded";
  amountMinor: number;
  amountPaidMinor: number;
  invoiceStatus: InvoiceStatus;
  /** True when the idempotency key had been used: nothing new was recorded. */
  replayed: boolean;
};

/** Why an issued invoice can't take this amount, or null when it can; amounts in the message are in the business's locale. */
export function paymentRefusal(invoice: LockedInvoice, amountMinor: number, locale: string): DomainError | null {
  if (invoice.status === "draft") return new DomainError("Issue this invoice before recording a payment on it.");
  if (invoice.status === "void") return new DomainError("This invoice is void, so it can't take payments.");
  const balance = balanceDue(invoice.totalMinor, invoice.amountPaidMinor);
  if (invoice.status === "paid" || balance === 0) return new DomainError("This invoice is already paid in full.");
  if (amountMinor > balance) {
    const due = formatMoney(balance, invoice.currency, locale);
    return new DomainError(`That is more than the balance due of ${due}. Enter ${due} or less.`, { amount: [`At most ${due}`] });
  }
  return null;
}

/** Bank transfers and cash declared on an invoice and not yet confirmed or rejected. */
async function pendingDeclaredMinor(tx: DbOrTx, invoiceId: number): Promise<number> {
  const [row] = await tx
    .select({ sum: sql<string | number | null>`sum(${payments.amountMinor})` })
    .from(payments)
    .where(and(eq(payments.invoiceId, invoiceId), eq(payments.status, "pending"), ne(payments.method, "card")));
  return Number(row?.sum ?? 0);
}

async function replay(db: DbOrTx, key: string, invoiceId: number): Promise<PaymentResult | null> {
  const [row] = await db
    .select({
      id: payments.id,
      invoiceId: payments.invoiceId,
      status: payments.status,
      amountMinor: payments.amountMinor,
      amountPaidMinor: invoices.amountPaidMinor,
      invoiceStatus: invoices.status,
    })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(eq(payments.idempotencyKey, key))
    .limit(1);
  if (!row) return null;
  if (row.invoiceId !== invoiceId) throw new DomainError("This payment was already submitted for another invoice. Reload the page and try again.");
  return { paymentId: row.id, invoiceId, status: row.status, amountMinor: row.amountMinor, amountPaidMinor: row.amountPaidMinor, invoiceStatus: row.invoiceStatus, replayed: true };
}

/**
 * Records a full or partial payment (DESIGN rules 1 and 4). One transaction:
 * the invoice row is locked first, so concurrent payments queue and each sees
 * the balance the previous one left; anything over the balance is refused. A
 * succeeded payment moves amount_paid and the status, bumps the version, and
 * queues the receipt; a pending one waits for confirmPayment.
 */
export async function recordPayment(db: DbOrTx, input: RecordPaymentInput): Promise<PaymentResult> {
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) {
    throw new DomainError("Enter an amount above zero.", { amount: ["Enter an amount above zero"] });
  }
  try {
    return await inTransaction(db, async (tx) => {
      const invoice = await lockInvoice(tx, input.invoiceId, input.clientScope);
      const previous = await replay(tx, input.idempotencyKey, invoice.id);
      if (previous) return previous;
      const settings = await readSettings(tx);
      const { locale } = settings;
      const refusal = paymentRefusal(invoice, input.amountMinor, locale);
      if (refusal) throw refusal;
      const balance = balanceDue(invoice.totalMinor, invoice.amountPaidMinor);
      // The minimum is for clients paying online; staff record whatever arrived.
      const minPayment = input.clientScope !== undefined ? minimumPartPayment(settings, invoice.currency) : 0;
      if (input.amountMinor < minPayment && input.amountMinor !== balance) {
        const min = formatMoney(minPayment, invoice.currency, locale);
        throw new DomainError(`The smallest payment is ${min}, unless it pays the whole balance.`, { amount: [`At least ${min}`] });
      }
      // A client's declared transfers and cash can't add up past the balance: the pay form is no place to pile up claims.
      if (input.clientScope !== undefined && input.status === "pending" && input.method !== "card") {
        const declared = await pendingDeclaredMinor(tx, invoice.id);
        if (declared + input.amountMinor > balance) {
          const left = formatMoney(Math.max(0, balance - declared), invoice.currency, locale);
          throw new DomainError(
            `Payments you've told us about already cover ${formatMoney(declared, invoice.currency, locale)} of the ${formatMoney(balance, invoice.currency, locale)} balance. We'll confirm them when the money arrives.`,
            {
              amount: [declared >= balance ? "Nothing is left to declare" : `At most ${left}`],
            },
          );
        }
      }
      const now = new Date();
      const receivedAt = input.status === "succeeded" ? (input.receivedAt ?? now) : (input.receivedAt ?? null);
      const [res] = await tx.insert(payments).values({
        invoiceId: invoice.id,
        clientId: invoice.clientId,
        amountMinor: input.amountMinor,
        currency: invoice.currency,
        method: input.method,
        status: input.status,
        reference: input.reference || null,
        provider: input.provider ?? null,
        providerRef: input.providerRef ?? null,
        receivedAt,
        recordedBy: input.actor.role === "client" ? null : input.actor.id,
        idempotencyKey: input.idempotencyKey,
      });
      const paymentId = res.insertId;
      const after = input.status === "succeeded" ? await applyPaidDelta(tx, invoice, input.amountMinor, now) : invoice;
      await writeAudit(tx, {
        actor: auditActor(input.actor),
        action: input.status === "succeeded" ? "payment.record" : "payment.declare",
        entityType: "payment",
        entityId: paymentId,
        after: {
          invoiceId: invoice.id,
          amountMinor: input.amountMinor,
          currency: invoice.currency,
          method: input.method,
          status: input.status,
          reference: input.reference || null,
          amountPaidMinor: after.amountPaidMinor,
          invoiceStatus: after.status,
        },
        ip: input.actor.ip,
      });
      if (input.status === "succeeded") {
        await queueReceipts(tx, after, { id: paymentId, amountMinor: input.amountMinor, method: input.method, reference: input.reference || null, receivedAt: receivedAt! });
      }
      return { paymentId, invoiceId: invoice.id, status: input.status, amountMinor: input.amountMinor, amountPaidMinor: after.amountPaidMinor, invoiceStatus: after.status, replayed: false };
    });
  } catch (error) {
    // Two submits with one key at once: the loser's insert hits the unique key.
    if (isDuplicateKey(error, "payments_idempotency_uq")) {
      const previous = await replay(db, input.idempotencyKey, input.invoiceId);
      if (previous) return previous;
    }
    throw error;
  }
}
