"use server";

import { z } from "zod";
import { getDb } from "@/db";
import { signOut } from "@/lib/auth/config";
import { signOutEverywhere as endEverySession } from "@/lib/profile/sessions";
import { defineAction } from "../define-action";

/** Ends every session of the signed-in person, on the server, and clears this browser's cookie. */
export const signOutEverywhere = defineAction({
  name: "profile.sign_out_everywhere",
  permission: "profile:self",
  schema: z.object({}),
  async handler(_input, { actor }) {
    const { ended } = await endEverySession(getDb(), actor);
    await signOut({ redirect: false });
    return { ended };
  },
});
