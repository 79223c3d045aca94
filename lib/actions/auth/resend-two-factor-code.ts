"use server";

import { getDb } from "@/db";
import { resendLoginCode } from "@/lib/auth/two-factor";
import { readChallengeCookie } from "@/lib/auth/two-factor-cookie";
import { resendCodeSchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

/** "Send a new code" during a two-factor sign-in; the cooldown and send limits refuse floods. */
export const resendTwoFactorCode = defineAction({
  name: "auth.resend_two_factor_code",
  permission: "public",
  schema: resendCodeSchema,
  async handler(_input, { ip }) {
    const sent = await resendLoginCode(getDb(), await readChallengeCookie(), ip);
    return { resendAt: sent.resendAt.toISOString() };
  },
});
