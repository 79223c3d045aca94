import "server-only";
import { createHash } from "node:crypto";
import type { CardDetails, CardProvider, ChargeOutcome, TestCard } from "./types";

/**
 * The built-in test provider: no network, no money. It behaves like a real
 * one where the pay flow can tell (references, declines, idempotent charges)
 * and the UI labels it "test mode". Only the test numbers below are accepted;
 * any other card is declined, so a real number typed here is never used.
 */
export const TEST_CARDS: TestCard[] = [
  { number: "4242 4242 4242 4242", label: "Payment succeeds", outcome: "succeeds" },
  { number: "4000 0000 0000 0002", label: "Card is declined", outcome: "declines" },
  { number: "4000 0000 0000 9995", label: "Declined: insufficient funds", outcome: "declines" },
];

const DECLINES: Record<string, string> = {
  "4000000000000002": "The card was declined.",
  "4000000000009995": "The card has insufficient funds.",
};

type Charge = { amountMinor: number; currency: string; outcome: ChargeOutcome | null; attempts: number; refunded: boolean };

// Per process, on globalThis so every bundle of the app sees one ledger.
const store = globalThis as unknown as { __clientdeskTestCharges?: Map<string, Charge> };
const ledger = (store.__clientdeskTestCharges ??= new Map());

/** What happened to one charge: how often charge() was called, and whether money moved. Tests check a double submit charges once. */
export function testChargeStats(providerRef: string): { attempts: number; captured: boolean; refunded: boolean } {
  const charge = ledger.get(providerRef);
  return { attempts: charge?.attempts ?? 0, captured: charge?.outcome?.status === "succeeded", refunded: charge?.refunded ?? false };
}

function outcomeFor(card: CardDetails, providerRef: string): ChargeOutcome {
  const digits = card.number.replace(/\D/g, "");
  const now = new Date();
  if (card.expYear < now.getUTCFullYear() || (card.expYear === now.getUTCFullYear() && card.expMonth < now.getUTCMonth() + 1)) {
    return { status: "declined", providerRef, reason: "The card has expired." };
  }
  if (digits === "4242424242424242") return { status: "succeeded", providerRef, brand: "Visa", last4: digits.slice(-4) };
  return { status: "declined", providerRef, reason: DECLINES[digits] ?? "Test mode accepts only the test card numbers shown on the form. No real card is ever charged." };
}

export const testProvider: CardProvider = {
  id: "test",
  label: "Test mode",
  testMode: true,
  hosted: false,
  testCards: TEST_CARDS,
  async prepare({ amountMinor, currency, idempotencyKey }) {
    // The same key names the same charge, like a real provider's idempotency key.
    const providerRef = `test_pi_${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 24)}`;
    if (!ledger.has(providerRef)) ledger.set(providerRef, { amountMinor, currency, outcome: null, attempts: 0, refunded: false });
    return { providerRef };
  },
  async charge({ providerRef, amountMinor, currency, card }) {
    const charge = ledger.get(providerRef) ?? { amountMinor, currency, outcome: null, attempts: 0, refunded: false };
    charge.attempts += 1;
    // A second charge of the same reference answers the first outcome and moves nothing.
    charge.outcome ??= outcomeFor(card, providerRef);
    ledger.set(providerRef, charge);
    return charge.outcome;
  },
  async refund({ providerRef }) {
    const charge = ledger.get(providerRef);
    if (charge?.outcome?.status === "succeeded") charge.refunded = true;
  },
};
