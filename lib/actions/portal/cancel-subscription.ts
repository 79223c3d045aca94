"use server";

import { getDb } from "@/db";
import { clientIdOf } from "@/lib/portal/client-of";
import { cancelSubscription as cancel } from "@/lib/subscriptions/cancel";
import { subscriptionIdSchema } from "@/lib/validation/portal";
import { defineAction } from "../define-action";

/** Ends one of the client's own subscriptions at the end of its current period. */
export const cancelSubscription = defineAction({
  name: "portal.cancel_subscription",
  permission: "portal:use",
  schema: subscriptionIdSchema,
  async handler({ subscriptionId }, { user, actor }) {
    return cancel(getDb(), { clientId: await clientIdOf(user), subscriptionId, actor: actor });
  },
});
