import "server-only";
import type Stripe from "stripe";
import { env } from "@/lib/env";
import { dashboardLink } from "./dashboard-link";

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

/**
 * The SDK's module, loaded the first time something talks to Stripe: most
 * requests, scripts and test files never do, and loading it cost each of
 * them about 70 ms (more inside Jest's sandbox).
 */
async function stripeSdk(): Promise<typeof Stripe> {
  return (await import("stripe")).default;
}

/** The SDK's error classes, for `instanceof` checks on what a call threw. */
export async function stripeErrors(): Promise<typeof Stripe.errors> {
  return (await stripeSdk()).errors;
}

/** The Stripe SDK for the configured key; throws when Stripe is not configured. */
export async function stripeClient(): Promise<Stripe> {
  const key = env().STRIPE_SECRET_KEY;
  if (!key) throw new Error("Stripe is not configured: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.");
  const base = env().STRIPE_API_BASE;
  const cached = store.__clientdeskStripe;
  if (cached && cached.key === key && cached.base === base) return cached.client;
  const StripeSdk = await stripeSdk();
  const client = new StripeSdk(key, { ...stripeApiOptions(base), maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: "ClientDesk" } });
  store.__clientdeskStripe = { key, base, client };
  return client;
}

/** The Stripe dashboard page of a payment, for the configured key and API base (./dashboard-link.ts). */
export function stripeDashboardUrl(providerRef: string | null | undefined): string | null {
  return dashboardLink(providerRef, { secretKey: env().STRIPE_SECRET_KEY, apiBase: env().STRIPE_API_BASE });
}
