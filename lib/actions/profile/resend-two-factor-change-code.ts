"use server";

import { getDb } from "@/db";
import { resendTwoFactorChangeCode as resendCode } from "@/lib/two-factor/settings";
import { resendTwoFactorChangeSchema } from "@/lib/validation/two-factor-change";
import { defineAction } from "../define-action";

export const resendTwoFactorChangeCode = defineAction({
  name: "profile.resend_two_factor",
  permission: "profile:self",
  schema: resendTwoFactorChangeSchema,
  async handler({ token }, { actor }) {
    return resendCode(getDb(), actor, token);
  },
});
