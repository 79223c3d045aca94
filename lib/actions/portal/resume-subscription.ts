"use server";

import { getDb } from "@/db";
import { clientIdOf } from "@/lib/portal/client-of";
import { resumeSubscription as resume } from "@/lib/subscriptions/cancel";
import { subscriptionIdSchema } from "@/lib/validation/portal";
import { defineAction } from "../define-action";

/** Undoes a cancellation before the period ends. */
export const resumeSubscription = defineAction({
  name: "portal.resume_subscription",
  permission: "portal:use",
  schema: subscriptionIdSchema,
  async handler({ subscriptionId }, { user, actor }) {
    await resume(getDb(), { clientId: await clientIdOf(user), subscriptionId, actor: actor });
  },
});
