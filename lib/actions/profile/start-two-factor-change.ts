"use server";

import { getDb } from "@/db";
import { startTwoFactorChange as startChange } from "@/lib/two-factor/settings";
import { startTwoFactorChangeSchema } from "@/lib/validation/two-factor-change";
import { defineAction } from "../define-action";

/** Turning two-step sign-in on or off, step one: the password, then a code is texted. Own account only. */
export const startTwoFactorChange = defineAction({
  name: "profile.start_two_factor",
  permission: "profile:self",
  schema: startTwoFactorChangeSchema,
  async handler(input, { actor }) {
    return startChange(getDb(), actor, input);
  },
});
