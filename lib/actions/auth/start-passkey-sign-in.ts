"use server";

import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { consumeOrRefuse } from "@/lib/limits/limiter";
import { limits } from "@/lib/limits/rules";
import { passkeyAssertionOptions } from "@/lib/passkeys/authenticate";
import { emptySchema } from "@/lib/validation/two-factor";
import { defineAction } from "../define-action";

/** Options for "Sign in with a passkey": no account named, the browser offers this site's passkeys. */
export const startPasskeySignIn = defineAction({
  name: "auth.start_passkey",
  permission: "public",
  schema: emptySchema,
  async handler(_input, { ip }) {
    // Each request stores a challenge: a flood from one address is refused.
    await consumeOrRefuse((wait) => `Too many passkey requests. Wait ${wait} and try again.`, { rule: limits.passkeyOptionsIp, key: ip });
    return passkeyAssertionOptions(getDb(), { purpose: "sign_in" }, now());
  },
});
