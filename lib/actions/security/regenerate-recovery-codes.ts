"use server";

import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { regenerateRecoveryCodes as regenerate } from "@/lib/second-factor/totp-setup";
import { emptySchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

/** Ten new recovery codes, shown once; the old ones stop working. */
export const regenerateRecoveryCodes = defineAction({
  name: "security.regenerate_recovery_codes",
  permission: "security:self",
  schema: emptySchema,
  async handler(_input, { actor }) {
    return { recoveryCodes: await regenerate(getDb(), actor, now()) };
  },
});
