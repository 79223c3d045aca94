/**
 * A Stripe event as it is kept in stripe_events: the raw body with every
 * invoice-link token taken out. A checkout started from a signed link
 * (/i/<token>) sends Stripe return URLs that carry the token, and Stripe's
 * checkout events echo them back; a link token gives view-and-pay access,
 * so, like every token here, it is never stored in clear (only its hash, in
 * invoice_links). Nothing that applies an event reads those URLs, so a retry
 * of the stored event works the same. JSON may escape the slashes (`\/`).
 */
const LINK_TOKEN = /(\\?\/i\\?\/)[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

export function redactLinkTokens(rawBody: string): string {
  return rawBody.replace(LINK_TOKEN, "$1[token]");
}
