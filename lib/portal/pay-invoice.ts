import "server-only";
import type { Db } from "@/db";
import { getPortalInvoice } from "@/db/queries/portal-invoices";
import { readSettings } from "@/db/queries/settings";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { ActorOrSystem } from "@/lib/actor";
import { balanceDue } from "@/lib/money";
import { consumeOrRefuse } from "@/lib/limits/limiter";
import { limits } from "@/lib/limits/rules";
import { kickOutbox } from "@/lib/notify/kick";
import { confirmPayment, recordPayment, rejectPayment, type PaymentResult } from "@/lib/payments";
import { cardProvider, type CardDetails, type CardProvider } from "@/lib/payments/providers";
import { startStripeCheckout } from "@/lib/payments/stripe/checkout";
import { getPortalClientDetails } from "@/db/queries/portal";
import type { ClientPaymentMethod } from "@/lib/validation/portal";

export type PortalPayInput = {
  /** From the session, never the request. */
  clientId: number;
  invoiceId: number;
  amountMinor: number;
  method: ClientPaymentMethod;
  /** From the pay form: one payment per key, so a double submit pays once. */
  idempotencyKey: string;
  card?: CardDetails;
  actor: ActorOrSystem;
  /** For a payment by signed link: where a hosted card page sends the payer back. */
  returnPath?: string;
};

export type PortalPayResult =
  | { outcome: "succeeded"; paymentId: number; amountMinor: number; balanceMinor: number; replayed: boolean }
  | { outcome: "declined"; paymentId: number; reason: string }
  /** Bank transfer or cash: waiting for staff to confirm the money arrived. */
  | { outcome: "pending"; paymentId: number; amountMinor: number; instructions: string | null }
  /** The same submit is still being charged by its first request. */
  | { outcome: "processing"; paymentId: number }
  /** A hosted provider (Stripe Checkout) takes the card on its own page: the browser goes there. */
  | { outcome: "redirect"; paymentId: number; url: string };

/**
 * A client pays all or part of its own invoice, through the payments domain
 * (recordPayment, confirmPayment, rejectPayment), which keeps the money rules.
 *
 * A card payment goes like a payment intent: it is recorded as pending
 * first (that checks ownership, the balance, the minimum and the idempotency
 * key before any money moves), then charged through the provider, then
 * confirmed (amount_paid, status, receipts) or rejected (the invoice is
 * untouched). A repeated key finds the first payment and charges nothing.
 * Bank transfer and cash stay pending, with the instructions from settings,
 * until staff confirm them.
 */
export async function payInvoiceFromPortal(db: Db, input: PortalPayInput): Promise<PortalPayResult> {
  const invoice = await getPortalInvoice(input.clientId, input.invoiceId);
  if (!invoice) throw new NotFoundError("That invoice");
  const provider = cardProvider();
  const isCard = input.method === "card";
  if (isCard && !provider.hosted && !input.card) throw new DomainError("Enter your card details.", { cardNumber: ["Enter a card number"] });
  // Card attempts per hour (the form can't be used to test stolen cards) and declared payments per day.
  await consumeOrRefuse(
    (wait) => (isCard ? `Too many card attempts. Try again in ${wait}.` : `You've told us about several payments today. We'll confirm the ones you've made; try again in ${wait}.`),
    { rule: isCard ? limits.portalCardAttempts : limits.portalDeclaredPayments, key: input.clientId },
  );
  if (isCard && provider.hosted) {
    const client = await getPortalClientDetails(input.clientId);
    const started = await startStripeCheckout(db, {
      clientId: input.clientId,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      currency: invoice.currency,
      amountMinor: input.amountMinor,
      idempotencyKey: input.idempotencyKey,
      email: client?.email ?? null,
      actor: input.actor,
      returnPath: input.returnPath,
    });
    return { outcome: "redirect", paymentId: started.paymentId, url: started.url };
  }
  return settlePortalPayment(db, provider, invoice, input);
}

type PayableInvoice = { id: number; number: string | null; currency: string; totalMinor: number };

/**
 * One payment on one of the client's invoices, once the caller has checked
 * ownership and counted the attempt: recorded as pending, then charged and
 * confirmed (or rejected), each step under the invoice lock in its own
 * transaction (lib/payments). Also used by "Pay all", once per invoice.
 */
export async function settlePortalPayment(db: Db, provider: CardProvider, invoice: PayableInvoice, input: PortalPayInput): Promise<PortalPayResult> {
  const isCard = input.method === "card";
  if (isCard && !input.card) throw new DomainError("Enter your card details.", { cardNumber: ["Enter a card number"] });
  const prepared = isCard
    ? await provider.prepare({ amountMinor: input.amountMinor, currency: invoice.currency, idempotencyKey: input.idempotencyKey, description: `Invoice ${invoice.number}` })
    : null;

  const declared = await recordPayment(db, {
    invoiceId: invoice.id,
    amountMinor: input.amountMinor,
    method: input.method,
    status: "pending",
    idempotencyKey: `portal:${input.idempotencyKey}`,
    actor: input.actor,
    clientScope: input.clientId,
    provider: isCard ? provider.id : null,
    providerRef: prepared?.providerRef ?? null,
  });
  if (declared.replayed) return replayed(declared, isCard, invoice.totalMinor);
  if (!isCard) {
    const settings = await readSettings(db);
    return {
      outcome: "pending",
      paymentId: declared.paymentId,
      amountMinor: declared.amountMinor,
      instructions: (input.method === "cash" ? settings.cashInstructions : settings.bankInstructions) ?? null,
    };
  }

  const charge = await provider.charge({ providerRef: prepared!.providerRef, amountMinor: input.amountMinor, currency: invoice.currency, card: input.card! });
  if (charge.status === "declined") {
    await rejectPayment(db, { paymentId: declared.paymentId, reason: `Card declined: ${charge.reason}`, actor: input.actor });
    return { outcome: "declined", paymentId: declared.paymentId, reason: charge.reason };
  }
  try {
    const reference = `${charge.brand} •••• ${charge.last4}${provider.testMode ? " (test mode)" : ""}`;
    const confirmed = await confirmPayment(db, { paymentId: declared.paymentId, actor: input.actor, reference });
    kickOutbox();
    return { outcome: "succeeded", paymentId: confirmed.paymentId, amountMinor: confirmed.amountMinor, balanceMinor: balanceDue(invoice.totalMinor, confirmed.amountPaidMinor), replayed: false };
  } catch (error) {
    // The balance changed between the check and the charge (another payment landed): give the money back.
    if (!(error instanceof DomainError)) throw error;
    await provider.refund({ providerRef: prepared!.providerRef });
    await rejectPayment(db, { paymentId: declared.paymentId, reason: `Charge reversed: ${error.message}`, actor: input.actor });
    throw new DomainError(`Your card was not charged: ${error.message} Reload the page to see the balance now.`);
  }
}

/** What a repeated submit answers: the first payment's outcome, with nothing charged again. */
function replayed(previous: PaymentResult, isCard: boolean, totalMinor: number): PortalPayResult {
  switch (previous.status) {
    case "succeeded":
    case "refunded":
      return { outcome: "succeeded", paymentId: previous.paymentId, amountMinor: previous.amountMinor, balanceMinor: balanceDue(totalMinor, previous.amountPaidMinor), replayed: true };
    case "failed":
      return { outcome: "declined", paymentId: previous.paymentId, reason: "This payment was declined. Check the card details and try again." };
    case "pending":
      return isCard ? { outcome: "processing", paymentId: previous.paymentId } : { outcome: "pending", paymentId: previous.paymentId, amountMinor: previous.amountMinor, instructions: null };
  }
}
