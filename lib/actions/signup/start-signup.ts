"use server";

import { getDb } from "@/db";
import { startSignup as startClientSignup } from "@/lib/signup/start";
import { signupSchema } from "@/lib/validation/signup";
import { defineAction } from "../define-action";

/** Public: the answer is the same whether or not the email has an account. */
export const startSignup = defineAction({
  name: "signup.start",
  permission: "public",
  schema: signupSchema,
  async handler({ confirmPassword: _confirm, ...input }, { ip }) {
    await startClientSignup(getDb(), input, ip);
    return { email: input.email };
  },
});
