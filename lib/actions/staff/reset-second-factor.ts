"use server";

import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { resetSecondFactors } from "@/lib/second-factor/reset";
import { userIdSchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

/** An admin removes another person's second factors; audited, and the person is emailed. */
export const resetSecondFactor = defineAction({
  name: "staff.reset_second_factor",
  permission: "users:reset_second_factor",
  schema: userIdSchema,
  async handler({ userId }, { actor }) {
    await resetSecondFactors(getDb(), actor, userId, now());
  },
});
