"use server";

import { getDb } from "@/db";
import { removeTotp as remove } from "@/lib/second-factor/totp-setup";
import { passwordOnlySchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

/** Removes the authenticator app; the password confirms it is the owner. */
export const removeTotp = defineAction({
  name: "security.remove_totp",
  permission: "security:self",
  schema: passwordOnlySchema,
  async handler({ password }, { actor }) {
    await remove(getDb(), actor, password);
  },
});
