"use server";

import { getDb } from "@/db";
import { updateBillingDetails as update } from "@/lib/portal/billing-details";
import { clientIdOf } from "@/lib/portal/client-of";
import { billingDetailsSchema } from "@/lib/validation/portal";
import { defineAction } from "../define-action";

/** The client's own company, address and SMS consent. */
export const updateBillingDetails = defineAction({
  name: "portal.update_billing_details",
  permission: "portal:use",
  schema: billingDetailsSchema,
  async handler(input, { user, actor }) {
    return update(getDb(), actor, await clientIdOf(user), input);
  },
});
