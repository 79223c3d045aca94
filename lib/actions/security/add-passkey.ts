"use server";

import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { addPasskey as add } from "@/lib/passkeys/register";
import { addPasskeySchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

/** Saves the passkey the browser made, under the name given. */
export const addPasskey = defineAction({
  name: "security.add_passkey",
  permission: "security:self",
  schema: addPasskeySchema,
  async handler(input, { actor }) {
    const result = await add(getDb(), actor, input, now());
    return { recoveryCodes: result.recoveryCodes };
  },
});
