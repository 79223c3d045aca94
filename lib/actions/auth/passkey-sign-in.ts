"use server";

import { redirect } from "next/navigation";
import { InvalidCode, signIn } from "@/lib/auth/config";
import { DomainError } from "@/lib/errors";
import { safeCallback } from "@/lib/validation/auth";
import { passkeySignInSchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

/** Sign-in with a passkey alone: the session is made by the "passkey" provider, as the password path makes it. */
export const passkeySignIn = defineAction({
  name: "auth.sign_in_with_passkey",
  permission: "public",
  schema: passkeySignInSchema,
  async handler({ response, callbackUrl }) {
    try {
      await signIn("passkey", { response, redirect: false });
    } catch (error) {
      if (error instanceof InvalidCode) throw new DomainError(error.refusal);
      throw error;
    }
    redirect(safeCallback(callbackUrl));
  },
});
