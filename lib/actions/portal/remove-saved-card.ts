"use server";

import { getDb } from "@/db";
import { removeSavedCard as remove } from "@/lib/payments/stripe/card-on-file";
import { clientIdOf } from "@/lib/portal/client-of";
import { subscriptionIdSchema } from "@/lib/validation/portal";
import { defineAction } from "../define-action";

/** Removes the card saved with Stripe on one of the client's own subscriptions (detached in Stripe). */
export const removeSavedCard = defineAction({
  name: "portal.remove_saved_card",
  permission: "portal:use",
  schema: subscriptionIdSchema,
  async handler({ subscriptionId }, { user, actor }) {
    return remove(getDb(), { clientId: await clientIdOf(user), subscriptionId, actor });
  },
});
