"use server";

import { getDb } from "@/db";
import { requestPasswordReset as emailResetLink } from "@/lib/profile/password-reset";
import { forgotPasswordSchema } from "@/lib/validation/account";
import { defineAction } from "../define-action";

// Public, and the answer is the same whether or not the email has an account.
export const requestPasswordReset = defineAction({
  name: "profile.request_password_reset",
  permission: "public",
  schema: forgotPasswordSchema,
  async handler({ email }, { ip }) {
    await emailResetLink(getDb(), email, ip);
  },
});
