"use server";

import { getDb } from "@/db";
import { actorFrom } from "@/lib/actor";
import { now } from "@/lib/clock";
import { addPasskey as add } from "@/lib/passkeys/register";
import { addPasskeySchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

/** Saves the passkey the browser made, under the name given. */
export const addPasskey = defineAction({
  name: "security.passkey_add",
  permission: "security:self",
  schema: addPasskeySchema,
  async handler(input, { user, ip }) {
    const result = await add(getDb(), actorFrom(user, ip), input, now());
    return { recoveryCodes: result.recoveryCodes };
  },
});
