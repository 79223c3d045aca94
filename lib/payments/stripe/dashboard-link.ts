/**
 * The Stripe dashboard page of a payment intent: the live view for an
 * sk_live_ key, the test view for sk_test_. None when Stripe isn't configured,
 * when the SDK talks to another API base (a local stub or stripe-mock, whose
 * payments the dashboard has never seen), or for a reference that is not a
 * payment intent (a checkout session still waiting for its webhook).
 */
export function dashboardLink(providerRef: string | null | undefined, config: { secretKey?: string | null; apiBase?: string | null }): string | null {
  const key = config.secretKey;
  if (!key || config.apiBase || !providerRef || !/^pi_[A-Za-z0-9_]+$/.test(providerRef)) return null;
  const mode = key.startsWith("sk_live_") ? "" : key.startsWith("sk_test_") ? "test/" : null;
  if (mode === null) return null;
  return `https://dashboard.stripe.com/${mode}payments/${providerRef}`;
}
