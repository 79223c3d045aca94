"use server";

import { AuthError } from "next-auth";
import { getDb } from "@/db";
import { signIn } from "@/lib/auth/config";
import { changePassword as changeOwnPassword } from "@/lib/profile/change-password";
import { changePasswordSchema } from "@/lib/validation/account";
import { defineAction } from "../define-action";

/**
 * Changes the user's own password and ends every session, this one included
 * (session_version moves on); then signs this browser straight back in with
 * the new password, so only the other sessions end.
 */
export const changePassword = defineAction({
  name: "profile.change_password",
  permission: "profile:self",
  schema: changePasswordSchema,
  async handler({ currentPassword, password }, { actor }) {
    const { email } = await changeOwnPassword(getDb(), actor, currentPassword, password);
    try {
      await signIn("credentials", { email, password, redirect: false });
      return { signedIn: true };
    } catch (error) {
      // A sign-in refused now (a login rate limit) still leaves the password changed.
      if (error instanceof AuthError) return { signedIn: false };
      throw error;
    }
  },
});
