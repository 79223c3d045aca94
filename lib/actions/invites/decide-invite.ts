"use server";

import { getDb } from "@/db";
import { decideInvite as decideStaffInvite } from "@/lib/invites/decide-invite";
import { inviteDecisionSchema } from "@/lib/validation/invites";
import { defineAction } from "../define-action";

/** Approve or reject, from the emailed link (token) or the pending list (inviteId). */
export const decideInvite = defineAction({
  name: "invites.decide",
  permission: "invites:decide",
  schema: inviteDecisionSchema,
  async handler({ decision, token, inviteId }, { actor }) {
    const which = token ? { token } : { inviteId: inviteId! };
    return decideStaffInvite(getDb(), which, decision, actor);
  },
});
