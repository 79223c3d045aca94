import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";

type Cached = { key: string; base: string | undefined; client: Stripe };
const store = globalThis as unknown as { __clientdeskStripe?: Cached };

/**
 * Where the SDK sends its calls: api.stripe.com, or STRIPE_API_BASE for
 * stripe-mock or an outbound proxy (the SDK's own host/port/protocol options).
 */
export function stripeApiOptions(base: string | undefined): { host?: string; port?: number; protocol?: "http" | "https" } {
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: Number(url.port || (protocol === "http" ? 80 : 443)), protocol };
}

/** The Stripe SDK for the configured key; throws when Stripe is not configured. */
export function stripeClient(): Stripe {
  const key = env().STRIPE_SECRET_KEY;
  if (!key) throw new Error("Stripe is not configured: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.");
  const base = env().STRIPE_API_BASE;
  const cached = store.__clientdeskStripe;
  if (cached && cached.key === key && cached.base === base) return cached.client;
  const client = new Stripe(key, { ...stripeApiOptions(base), maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: "ClientDesk" } });
  store.__clientdeskStripe = { key, base, client };
  return client;
}

/** A live-mode key's payments link to the Stripe dashboard; test keys to its test view. */
export function dashboardUrl(paymentIntentId: string): string {
  const live = env().STRIPE_SECRET_KEY?.startsWith("sk_live_");
  return `https://dashboard.stripe.com/${live ? "" : "test/"}payments/${encodeURIComponent(paymentIntentId)}`;
}
