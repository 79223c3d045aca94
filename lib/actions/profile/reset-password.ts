"use server";

import { getDb } from "@/db";
import { resetPassword as resetWithToken } from "@/lib/profile/password-reset";
import { tokenPasswordSchema } from "@/lib/validation/account";
import { defineAction } from "../define-action";

// Public: the single-use, one-hour token from the email is the credential.
export const resetPassword = defineAction({
  name: "profile.reset_password",
  permission: "public",
  schema: tokenPasswordSchema,
  async handler({ token, password }, { ip }) {
    await resetWithToken(getDb(), token, password, ip);
  },
});
