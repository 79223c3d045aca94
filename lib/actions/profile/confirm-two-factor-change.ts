"use server";

import { getDb } from "@/db";
import { confirmTwoFactorChange as confirmChange } from "@/lib/two-factor/settings";
import { confirmTwoFactorChangeSchema } from "@/lib/validation/two-factor-change";
import { defineAction } from "../define-action";

/** Step two: the texted code makes the change. */
export const confirmTwoFactorChange = defineAction({
  name: "profile.confirm_two_factor",
  permission: "profile:self",
  schema: confirmTwoFactorChangeSchema,
  async handler(input, { actor }) {
    return confirmChange(getDb(), actor, input);
  },
});
