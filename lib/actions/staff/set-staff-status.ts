"use server";

import { getDb } from "@/db";
import { setStaffEnabled } from "@/lib/staff/staff-records";
import { staffStatusSchema } from "@/lib/validation/staff";
import { defineAction } from "../define-action";

/** Disables (ending their sessions at once) or re-enables a staff member. */
export const setStaffStatus = defineAction({
  name: "staff.set_status",
  permission: "staff:manage",
  schema: staffStatusSchema,
  async handler({ id, enabled }, { actor }) {
    await setStaffEnabled(getDb(), id, enabled, actor);
  },
});
