import "server-only";
import type { Db } from "@/db";
import { anyPaymentKeyUsed, getPortalInvoice, listPortalOpenInvoices } from "@/db/queries/portal-invoices";
import type { ActorOrSystem } from "@/lib/actor";
import { DomainError, NotFoundError } from "@/lib/errors";
import { consumeOrRefuse } from "@/lib/limits/limiter";
import { limits } from "@/lib/limits/rules";
import { balanceDue } from "@/lib/money";
import { cardProvider, type CardDetails } from "@/lib/payments/providers";
import { settlePortalPayment } from "./pay-invoice";

export type PayAllInput = {
  /** From the session, never the request. */
  clientId: number;
  /** What the confirmation listed: each invoice and the balance it showed. */
  expected: { invoiceId: number; balanceMinor: number }[];
  /** From the dialog: each invoice's payment gets `<key>:<invoice id>`, so a double submit pays each once. */
  idempotencyKey: string;
  card: CardDetails;
  actor: ActorOrSystem;
};

export type PayAllLine = { invoiceId: number; number: string | null; currency: string; amountMinor: number };
export type PayAllResult = {
  paid: PayAllLine[];
  /** Not paid, each with why (declined card, a balance that changed, still processing). */
  unpaid: (PayAllLine & { reason: string })[];
  /** The card was declined: the rest were not tried with it. */
  declined: string | null;
};

export const PAY_ALL_CHANGED = "Your invoices changed since this list was shown (a payment arrived or an invoice was issued or cancelled). Nothing was charged. Check the new list and confirm again.";

/**
 * Pays the balance of every open invoice of the client with one card, as
 * one payment per invoice through the same path as the pay form
 * (settlePortalPayment: pending, charge, confirm or reject, each under the
 * invoice lock in a transaction, a receipt for each). The list the client
 * confirmed must still be the open invoices and their balances; otherwise
 * nothing is charged. A declined card stops the run.
 */
export async function payAllFromPortal(db: Db, input: PayAllInput): Promise<PayAllResult> {
  const provider = cardProvider();
  if (provider.hosted) throw new DomainError("Card payments go through Stripe's page one invoice at a time: pay each invoice from its own page.");
  if (input.expected.length === 0) throw new DomainError("There is nothing to pay.");
  const ids = new Set(input.expected.map((e) => e.invoiceId));
  if (ids.size !== input.expected.length) throw new DomainError("Reload the page and try again.");

  const invoices = [];
  for (const e of input.expected) {
    const invoice = await getPortalInvoice(input.clientId, e.invoiceId);
    if (!invoice) throw new NotFoundError("That invoice");
    invoices.push({ invoice, amountMinor: e.balanceMinor });
  }
  const keyFor = (invoiceId: number) => `${input.idempotencyKey}:${invoiceId}`;
  // A repeated submit finds its first payments (recordPayment replays them); a new one must match what is open now.
  const repeated = await anyPaymentKeyUsed(
    input.clientId,
    [...ids].map((id) => `portal:${keyFor(id)}`),
  );
  if (!repeated) {
    const open = (await listPortalOpenInvoices(input.clientId)).filter((i) => balanceDue(i.totalMinor, i.amountPaidMinor) > 0);
    const same = open.length === input.expected.length && open.every((i) => input.expected.some((e) => e.invoiceId === i.id && e.balanceMinor === balanceDue(i.totalMinor, i.amountPaidMinor)));
    if (!same) throw new DomainError(PAY_ALL_CHANGED);
  }
  // One card attempt for the run: a declined card stops it, so a run tests a card once.
  await consumeOrRefuse((wait) => `Too many card attempts. Try again in ${wait}.`, { rule: limits.portalCardAttempts, key: input.clientId });

  const result: PayAllResult = { paid: [], unpaid: [], declined: null };
  for (const { invoice, amountMinor } of invoices) {
    const line = { invoiceId: invoice.id, number: invoice.number, currency: invoice.currency, amountMinor };
    if (result.declined) {
      result.unpaid.push({ ...line, reason: "Not tried: the card was declined." });
      continue;
    }
    try {
      const paid = await settlePortalPayment(db, provider, invoice, {
        clientId: input.clientId,
        invoiceId: invoice.id,
        amountMinor,
        method: "card",
        idempotencyKey: keyFor(invoice.id),
        card: input.card,
        actor: input.actor,
      });
      if (paid.outcome === "succeeded") result.paid.push({ ...line, amountMinor: paid.amountMinor });
      else if (paid.outcome === "declined") {
        result.declined = paid.reason;
        result.unpaid.push({ ...line, reason: `Declined: ${paid.reason}` });
      } else result.unpaid.push({ ...line, reason: "Still being processed: reload the page in a moment." });
    } catch (error) {
      // This invoice's balance changed under the lock: its charge was given back; the others go on.
      if (!(error instanceof DomainError)) throw error;
      result.unpaid.push({ ...line, reason: error.message });
    }
  }
  return result;
}
