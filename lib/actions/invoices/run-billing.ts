"use server";

import { getDb } from "@/db";
import { runBilling as run } from "@/lib/billing/run";
import { runBillingSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";
import { actorFrom } from "@/lib/actor";

/** Bills every subscription that owes an invoice for its current period; running it again creates nothing. */
export const runBilling = defineAction({
  name: "billing.run",
  permission: "billing:run",
  schema: runBillingSchema,
  async handler(_input, { user, ip }) {
    const result = await run(getDb(), { actor: actorFrom(user, ip) });
    return { created: result.created, renewed: result.renewed, cancelled: result.cancelled, skipped: result.skipped.length };
  },
});
