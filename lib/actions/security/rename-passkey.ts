"use server";

import { getDb } from "@/db";
import { actorFrom } from "@/lib/actor";
import { renamePasskey as rename } from "@/lib/passkeys/register";
import { renamePasskeySchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

export const renamePasskey = defineAction({
  name: "security.passkey_rename",
  permission: "security:self",
  schema: renamePasskeySchema,
  async handler(input, { user, ip }) {
    await rename(getDb(), actorFrom(user, ip), input);
  },
});
