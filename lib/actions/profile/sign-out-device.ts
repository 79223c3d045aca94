"use server";

import { getDb } from "@/db";
import { signOutDevice as endDeviceSession } from "@/lib/profile/sessions";
import { signOutDeviceSchema } from "@/lib/validation/account";
import { defineAction } from "../define-action";

/** Signs one of the person's other devices out; the session id must be one of their own. */
export const signOutDevice = defineAction({
  name: "profile.sign_out_device",
  permission: "profile:self",
  schema: signOutDeviceSchema,
  async handler({ sessionId }, { actor }) {
    await endDeviceSession(getDb(), actor, sessionId);
  },
});
