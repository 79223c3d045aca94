"use server";

import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { CHALLENGE_EXPIRED, readLoginChallenge } from "@/lib/auth/two-factor";
import { readChallengeCookie } from "@/lib/auth/two-factor-cookie";
import { DomainError } from "@/lib/errors";
import { passkeyAssertionOptions } from "@/lib/passkeys/authenticate";
import { emptySchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

/** Options for answering the second step with one of the account's passkeys. */
export const startPasskeySecondStep = defineAction({
  name: "auth.start_passkey_second_step",
  permission: "public",
  schema: emptySchema,
  async handler() {
    const challenge = await readLoginChallenge(getDb(), await readChallengeCookie());
    if (!challenge || challenge.factors.passkeys === 0) throw new DomainError(CHALLENGE_EXPIRED);
    return passkeyAssertionOptions(getDb(), { purpose: "second_step", userId: challenge.user.id }, now());
  },
});
