"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { ChallengeExpired, InvalidCode, signIn } from "@/lib/auth/config";
import { CHALLENGE_EXPIRED, readLoginChallenge } from "@/lib/auth/two-factor";
import { clearChallengeCookie, readChallengeCookie } from "@/lib/auth/two-factor-cookie";
import { DomainError } from "@/lib/errors";
import { verifyCodeSchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

/** Step two of a two-factor sign-in. Public: the challenge cookie and the code are the credentials. */
export const verifyTwoFactor = defineAction({
  name: "auth.verify_two_factor",
  permission: "public",
  schema: verifyCodeSchema,
  async handler({ code, factor }) {
    const token = await readChallengeCookie();
    const challenge = await readLoginChallenge(getDb(), token);
    if (!token || !challenge) throw new DomainError(CHALLENGE_EXPIRED);
    try {
      await signIn("otp", { challenge: token, code, factor, redirect: false });
    } catch (error) {
      if (error instanceof InvalidCode) throw new DomainError(error.refusal, { code: [error.refusal] });
      if (error instanceof ChallengeExpired) throw new DomainError(CHALLENGE_EXPIRED);
      throw error;
    }
    await clearChallengeCookie();
    redirect(challenge.callbackUrl);
  },
});
