"use server";

import { z } from "zod";
import { signOut } from "@/lib/auth/config";
import { defineAction } from "../define-action";

// Public on purpose: a stale session must still be able to sign out.
export const logout = defineAction({
  name: "auth.logout",
  permission: "public",
  schema: z.object({}),
  async handler() {
    await signOut({ redirectTo: "/login" });
  },
});
