"use server";

import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { passkeyRegistrationOptions } from "@/lib/passkeys/register";
import { emptySchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

/** Options for the browser to create a passkey; the challenge is kept server-side, single-use. */
export const startPasskeyRegistration = defineAction({
  name: "security.start_passkey",
  permission: "security:self",
  schema: emptySchema,
  async handler(_input, { actor }) {
    return passkeyRegistrationOptions(getDb(), actor, now());
  },
});
