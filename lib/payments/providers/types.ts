// The card payment adapter. The portal's pay flow talks only to this
// interface; a real provider (Stripe and the like) plugs in beside the test
// one. The two steps mirror a payment intent: prepare() names the charge
// before anything happens (its reference is stored on the pending payment),
// charge() moves the money, once per reference however often it is called.

export type CardDetails = { number: string; expMonth: number; expYear: number; cvc: string; name: string | null };

export type ChargeOutcome = { status: "succeeded"; providerRef: string; brand: string; last4: string } | { status: "declined"; providerRef: string; reason: string };

export type TestCard = { number: string; label: string; outcome: "succeeds" | "declines" };

export interface CardProvider {
  /** Stored on payments.provider. */
  id: string;
  /** Shown in the UI: a test provider must say so, and never pass for a real one. */
  label: string;
  testMode: boolean;
  /** True for a provider whose own hosted page takes the card (Stripe Checkout): no card fields on our pages, and the money is recorded from its webhook. */
  hosted: boolean;
  /** Card numbers that work in test mode, for the pay form to list. */
  testCards: TestCard[];
  prepare(input: { amountMinor: number; currency: string; idempotencyKey: string; description: string }): Promise<{ providerRef: string }>;
  charge(input: { providerRef: string; amountMinor: number; currency: string; card: CardDetails }): Promise<ChargeOutcome>;
  /** Gives a captured charge back in full (a charge that could not be applied to the invoice). */
  refund(input: { providerRef: string; amountMinor?: number; idempotencyKey?: string }): Promise<void>;
}
