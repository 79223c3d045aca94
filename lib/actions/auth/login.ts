"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { LOGIN_WINDOW_SECONDS } from "@/lib/auth/login-limits";
import { DomainError } from "@/lib/errors";
import { loginSchema, safeCallback } from "@/lib/validation/auth";
import { defineAction } from "../define-action";

export const login = defineAction({
  name: "auth.login",
  permission: "public",
  schema: loginSchema,
  async handler({ email, password, callbackUrl }) {
    try {
      await signIn("credentials", { email, password, redirectTo: safeCallback(callbackUrl) });
    } catch (error) {
      if (error instanceof AuthError && error.type === "CredentialsSignin") {
        const code = (error as AuthError & { code?: string }).code;
        if (code === "rate_limited") {
          throw new DomainError(`Too many failed sign-ins. Wait ${LOGIN_WINDOW_SECONDS / 60} minutes, or reset your password.`);
        }
        throw new DomainError("That email and password don't match an active account.");
      }
      throw error;
    }
  },
});
