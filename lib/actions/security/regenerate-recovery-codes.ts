"use server";

import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { regenerateRecoveryCodes as regenerate } from "@/lib/second-factor/totp-setup";
import { passwordOnlySchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

/** Ten new recovery codes, shown once; the old ones stop working. The password confirms it is the owner. */
export const regenerateRecoveryCodes = defineAction({
  name: "security.regenerate_recovery_codes",
  permission: "security:self",
  schema: passwordOnlySchema,
  async handler({ password }, { actor }) {
    return { recoveryCodes: await regenerate(getDb(), actor, password, now()) };
  },
});
