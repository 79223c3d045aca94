import { z } from "zod";
import { cardDigits, luhnValid, parseExpiry } from "./card";
import { checkbox, id, oneLine, optionalText, readWholeNumber } from "./fields";
import { portalInvoiceFilters, type PortalInvoiceFilter } from "./choices";

export { portalInvoiceFilters, type PortalInvoiceFilter };

type RawParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The invoice list's view from the URL; anything odd falls back to the default. */
export function parsePortalInvoiceParams(raw: RawParams): { filter: PortalInvoiceFilter; q: string; page: number } {
  const filter = first(raw.status);
  const page = readWholeNumber(first(raw.page)) ?? 1;
  return {
    filter: (portalInvoiceFilters as readonly string[]).includes(filter) ? (filter as PortalInvoiceFilter) : "all",
    q: first(raw.q).trim().slice(0, 40),
    page: page > 0 ? Math.min(page, 10_000) : 1,
  };
}

/** The ways a client can pay or subscribe; "other" is for staff records only. */
export const clientPaymentMethods = ["card", "bank_transfer", "cash"] as const;
export type ClientPaymentMethod = (typeof clientPaymentMethods)[number];
const method = z.enum(clientPaymentMethods, { error: "Choose how you'll pay" });

/** Generated when the form renders: a double submit reuses it, so it pays (or orders) once. */
const idempotencyKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, { error: "Reload the page and try again" });

/** saveCard: keep the card on file with Stripe (when it is configured) so each invoice is charged to it. */
export const subscribeSchema = z.object({ serviceId: id, paymentMethod: method, saveCard: checkbox, idempotencyKey });

export const subscriptionIdSchema = z.object({ subscriptionId: id });

export const payInvoiceSchema = z
  .object({
    invoiceId: id,
    // Parsed to minor units with the invoice's currency by the action (lib/money).
    amount: oneLine(30, "Enter an amount").trim().min(1, { error: "Enter an amount" }),
    method,
    idempotencyKey,
    cardNumber: oneLine(30, "Enter a valid card number").optional().default(""),
    cardExpiry: oneLine(10, "Enter the expiry as MM/YY").optional().default(""),
    cardCvc: oneLine(6, "Enter the 3 or 4 digits on the back").optional().default(""),
    cardName: oneLine(120, "Use at most 120 characters").trim().optional().default(""),
    // "1" when the card is taken on the provider's hosted page (Stripe Checkout): no card fields here.
    checkout: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.method !== "card" || v.checkout) return;
    checkCard(v, ctx);
  });

/** The card fields' rules, shared by the pay form and "Pay all". */
function checkCard(v: { cardNumber: string; cardExpiry: string; cardCvc: string }, ctx: z.RefinementCtx) {
  if (!luhnValid(cardDigits(v.cardNumber))) ctx.addIssue({ code: "custom", path: ["cardNumber"], message: "Enter a valid card number" });
  if (!parseExpiry(v.cardExpiry)) ctx.addIssue({ code: "custom", path: ["cardExpiry"], message: "Enter the expiry as MM/YY" });
  if (!/^\d{3,4}$/.test(v.cardCvc.trim())) ctx.addIssue({ code: "custom", path: ["cardCvc"], message: "Enter the 3 or 4 digits on the back" });
}

/**
 * Paying by signed link (/i/<token>): the token names the invoice, card only
 * (a transfer or cash is declared from the portal, by a known client).
 */
export const linkPaySchema = z
  .object({
    token: z.string({ error: "This link is not valid" }).regex(/^[A-Za-z0-9_-]{20,100}$/, { error: "This link is not valid" }),
    amount: oneLine(30, "Enter an amount").trim().min(1, { error: "Enter an amount" }),
    method: z.literal("card", { error: "Pay by card" }),
    idempotencyKey,
    cardNumber: oneLine(30, "Enter a valid card number").optional().default(""),
    cardExpiry: oneLine(10, "Enter the expiry as MM/YY").optional().default(""),
    cardCvc: oneLine(6, "Enter the 3 or 4 digits on the back").optional().default(""),
    cardName: oneLine(120, "Use at most 120 characters").trim().optional().default(""),
    checkout: checkbox,
  })
  .superRefine((v, ctx) => {
    if (!v.checkout) checkCard(v, ctx);
  });

/** "<invoice id>:<balance in minor units>" for each invoice the confirmation listed, comma-separated; at most 100. */
const expectedBalances = z
  .string({ error: "Reload the page and try again" })
  .regex(/^[1-9]\d{0,15}:\d{1,15}(?:,[1-9]\d{0,15}:\d{1,15}){0,99}$/, { error: "Reload the page and try again" })
  .transform((v) => v.split(",").map((pair) => pair.split(":").map(Number) as [number, number]))
  .refine((pairs) => pairs.every(([id, minor]) => Number.isSafeInteger(id) && Number.isSafeInteger(minor) && minor > 0), { error: "Reload the page and try again" })
  .transform((pairs) => pairs.map(([invoiceId, balanceMinor]) => ({ invoiceId, balanceMinor })));

/** "Pay all": every open invoice's balance, by card, one payment per invoice. */
export const payAllSchema = z
  .object({
    expected: expectedBalances,
    idempotencyKey,
    cardNumber: oneLine(30, "Enter a valid card number").optional().default(""),
    cardExpiry: oneLine(10, "Enter the expiry as MM/YY").optional().default(""),
    cardCvc: oneLine(6, "Enter the 3 or 4 digits on the back").optional().default(""),
    cardName: oneLine(120, "Use at most 120 characters").trim().optional().default(""),
  })
  .superRefine(checkCard);

const ccEmail = z.email({ error: (issue) => `"${String(issue.input)}" is not a valid email address` }).max(255);

export const emailMyInvoiceSchema = z.object({
  invoiceId: id,
  // Comma- or space-separated in the form; up to five extra recipients.
  cc: oneLine(1500, "Use at most five addresses")
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(/[\s,;]+/)
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(ccEmail).max(5, { error: "Add at most five addresses" })),
  idempotencyKey,
});

export const billingDetailsSchema = z.object({
  company: optionalText(160, "The company name"),
  address: optionalText(500, "The address"),
  smsOptIn: checkbox,
});
