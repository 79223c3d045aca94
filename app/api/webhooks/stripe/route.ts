import { getDb } from "@/db";
import { receiveStripeWebhook } from "@/lib/payments/stripe/webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Stripe's webhook endpoint. No session or CSRF check applies (proxy.ts does
 * not match /api): the signature over the raw body is the authentication.
 */
export async function POST(request: Request) {
  const raw = await request.text();
  const answer = await receiveStripeWebhook(getDb(), raw, request.headers.get("stripe-signature"));
  return Response.json(answer.body, { status: answer.status });
}
