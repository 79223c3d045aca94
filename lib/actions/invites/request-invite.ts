"use server";

import { getDb } from "@/db";
import { requestInvite as requestStaffInvite } from "@/lib/invites/request-invite";
import { inviteRequestSchema } from "@/lib/validation/invites";
import { defineAction } from "../define-action";

export const requestInvite = defineAction({
  name: "invites.request",
  permission: "invites:request",
  schema: inviteRequestSchema,
  async handler(input, { user, actor }) {
    // The email to the admins names who asked.
    return requestStaffInvite(getDb(), input, { ...actor, name: user.name });
  },
});
