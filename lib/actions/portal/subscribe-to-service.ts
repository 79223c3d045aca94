"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { actorFrom } from "@/lib/actor";
import { kickOutbox } from "@/lib/notify/kick";
import { clientIdOf } from "@/lib/portal/client-of";
import { subscribeToService as subscribe } from "@/lib/subscriptions/subscribe";
import { subscribeSchema } from "@/lib/validation/portal";
import { defineAction } from "../define-action";

/** Subscribes the signed-in client and takes it to the first invoice, to pay it. */
export const subscribeToService = defineAction({
  name: "portal.subscribe",
  permission: "portal:use",
  schema: subscribeSchema,
  async handler({ serviceId, paymentMethod }, { user, ip }) {
    const clientId = await clientIdOf(user);
    const result = await subscribe(getDb(), { clientId, serviceId, paymentMethod, actor: actorFrom(user, ip) });
    kickOutbox();
    redirect(`/portal/invoices/${result.invoiceId}?subscribed=1&method=${paymentMethod}`);
  },
});
