"use server";

import { getDb } from "@/db";
import { signInWithPassword } from "@/lib/auth/password-sign-in";
import { completeSignup as createClientAccount } from "@/lib/signup/complete";
import { completeSignupSchema } from "@/lib/validation/account";
import { defineAction } from "../define-action";

/**
 * Public: the sealed link and the password are the credentials. Creates the
 * account, then signs in like the login form does: straight to the portal,
 * or to the code page when SMS two-factor was chosen (that code verifies the phone).
 */
export const completeSignup = defineAction({
  name: "signup.complete",
  permission: "public",
  schema: completeSignupSchema,
  async handler({ token, password }, { ip }) {
    const account = await createClientAccount(getDb(), token, password, ip);
    await signInWithPassword({ email: account.email, password, callbackUrl: "/portal", ip });
  },
});
