"use server";

import { getDb } from "@/db";
import { removePasskey as remove } from "@/lib/passkeys/register";
import { passkeyIdSchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

export const removePasskey = defineAction({
  name: "security.remove_passkey",
  permission: "security:self",
  schema: passkeyIdSchema,
  async handler({ id }, { actor }) {
    await remove(getDb(), actor, id);
  },
});
