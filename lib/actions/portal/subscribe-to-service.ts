"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { stripeConfigured } from "@/lib/env";
import { consumeOrRefuse } from "@/lib/limits/limiter";
import { limits } from "@/lib/limits/rules";
import { kickOutbox } from "@/lib/notify/kick";
import { startCardSetup } from "@/lib/payments/stripe/saved-cards";
import { clientIdOf } from "@/lib/portal/client-of";
import { subscribeToService as subscribe } from "@/lib/subscriptions/subscribe";
import { subscribeSchema } from "@/lib/validation/portal";
import { defineAction } from "../define-action";

/** Subscribes the signed-in client and takes it to the first invoice, to pay it. */
export const subscribeToService = defineAction({
  name: "portal.subscribe",
  permission: "portal:use",
  schema: subscribeSchema,
  async handler({ serviceId, paymentMethod, saveCard, idempotencyKey }, { user, actor }) {
    const clientId = await clientIdOf(user);
    // Counted before anything is written, replays too (as card attempts are): each order issues and emails an invoice.
    await consumeOrRefuse((wait) => `You've placed a lot of orders in the last hour. Try again in ${wait}, or contact us if you need more.`, { rule: limits.portalOrders, key: clientId });
    // A replayed key (a double submit, a retried request) answers with the first order's invoice and creates nothing.
    const result = await subscribe(getDb(), { clientId, serviceId, paymentMethod, idempotencyKey, actor });
    kickOutbox();
    const invoicePath = `/portal/invoices/${result.invoiceId}?subscribed=1&method=${paymentMethod}`;
    if (paymentMethod === "card" && saveCard && stripeConfigured()) {
      // Save the card on Stripe's page (setup mode), then back to the first invoice.
      const url = await startCardSetup(getDb(), { subscriptionId: result.subscriptionId, clientId, returnPath: invoicePath }).catch((error: unknown) => {
        console.error("subscribe: could not start saving the card", error);
        return null;
      });
      if (url) redirect(url);
    }
    redirect(invoicePath);
  },
});
