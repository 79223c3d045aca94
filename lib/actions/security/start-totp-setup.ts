"use server";

import { getDb } from "@/db";
import { startTotpSetup as start } from "@/lib/second-factor/totp-setup";
import { passwordOnlySchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

/** A new authenticator-app secret, shown once as a QR code and as text; the password confirms it is the owner. */
export const startTotpSetup = defineAction({
  name: "security.start_totp",
  permission: "security:self",
  schema: passwordOnlySchema,
  async handler({ password }, { actor }) {
    return start(getDb(), actor, password);
  },
});
