"use server";

import { getDb } from "@/db";
import { startTotpSetup as start } from "@/lib/second-factor/totp-setup";
import { emptySchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

/** A new authenticator-app secret, shown once as a QR code and as text. */
export const startTotpSetup = defineAction({
  name: "security.start_totp",
  permission: "security:self",
  schema: emptySchema,
  async handler(_input, { actor }) {
    return start(getDb(), actor);
  },
});
