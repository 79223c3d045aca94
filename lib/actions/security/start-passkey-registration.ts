"use server";

import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { passkeyRegistrationOptions } from "@/lib/passkeys/register";
import { passwordOnlySchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

/**
 * Options for the browser to create a passkey, after the password (a passkey
 * signs in alone, so a session alone mustn't add one); the challenge is kept
 * server-side, single-use.
 */
export const startPasskeyRegistration = defineAction({
  name: "security.start_passkey",
  permission: "security:self",
  schema: passwordOnlySchema,
  async handler({ password }, { actor }) {
    return passkeyRegistrationOptions(getDb(), actor, password, now());
  },
});
