"use server";

import { getDb } from "@/db";
import { runBilling as run } from "@/lib/billing/run";
import { runBillingSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

/** Bills every subscription that owes an invoice for its current period; running it again creates nothing. */
export const runBilling = defineAction({
  name: "invoices.run_billing",
  permission: "billing:run",
  schema: runBillingSchema,
  async handler(_input, { actor }) {
    const result = await run(getDb(), { actor: actor });
    return { created: result.created, renewed: result.renewed, cancelled: result.cancelled, skipped: result.skipped.length };
  },
});
