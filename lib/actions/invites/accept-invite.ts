"use server";

import { getDb } from "@/db";
import { acceptInvite as acceptStaffInvite } from "@/lib/invites/accept-invite";
import { tokenPasswordSchema } from "@/lib/validation/account";
import { defineAction } from "../define-action";

// Public: the invitee has no account yet. The single-use token is the credential.
export const acceptInvite = defineAction({
  name: "invites.accept",
  permission: "public",
  schema: tokenPasswordSchema,
  async handler({ token, password }, { ip }) {
    const { email } = await acceptStaffInvite(getDb(), token, password, ip);
    return { email };
  },
});
