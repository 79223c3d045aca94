"use server";

import { getDb } from "@/db";
import { updateProfile as updateOwnProfile } from "@/lib/profile/update-profile";
import { profileSchema } from "@/lib/validation/profile";
import { defineAction } from "../define-action";

/** The signed-in user's own name, email and phone: the id comes from the session only. */
export const updateProfile = defineAction({
  name: "profile.update",
  permission: "profile:self",
  schema: profileSchema,
  async handler(input, { actor }) {
    return updateOwnProfile(getDb(), actor, input);
  },
});
