"use server";

import { signInWithPassword } from "@/lib/auth/password-sign-in";
import { loginSchema, safeCallback } from "@/lib/validation/auth";
import { defineAction } from "../define-action";

/** Email and password. With two-factor sign-in on, this only starts the sign-in: see lib/auth/two-factor.ts. */
export const login = defineAction({
  name: "auth.login",
  permission: "public",
  schema: loginSchema,
  async handler({ email, password, callbackUrl }, { ip }) {
    await signInWithPassword({ email, password, callbackUrl: safeCallback(callbackUrl), ip });
  },
});
