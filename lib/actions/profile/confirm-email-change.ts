"use server";

import { getDb } from "@/db";
import { confirmEmailChange as confirm } from "@/lib/profile/email-change";
import { confirmEmailChangeSchema } from "@/lib/validation/account";
import { defineAction } from "../define-action";

/** Public on purpose: the link's token, sent to the new address, is the credential. */
export const confirmEmailChange = defineAction({
  name: "profile.confirm_email_change",
  permission: "public",
  schema: confirmEmailChangeSchema,
  async handler({ token }, { ip }) {
    return confirm(getDb(), token, ip);
  },
});
