"use server";

import { getDb } from "@/db";
import { renamePasskey as rename } from "@/lib/passkeys/register";
import { renamePasskeySchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

export const renamePasskey = defineAction({
  name: "security.rename_passkey",
  permission: "security:self",
  schema: renamePasskeySchema,
  async handler(input, { actor }) {
    await rename(getDb(), actor, input);
  },
});
