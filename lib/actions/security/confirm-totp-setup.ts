"use server";

import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { confirmTotpSetup as confirm } from "@/lib/second-factor/totp-setup";
import { confirmTotpSchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

/** The app's first code turns it on; the first strong factor also returns the recovery codes, to show once. */
export const confirmTotpSetup = defineAction({
  name: "security.confirm_totp",
  permission: "security:self",
  schema: confirmTotpSchema,
  async handler({ code }, { actor }) {
    const result = await confirm(getDb(), actor, code, now());
    return result;
  },
});
