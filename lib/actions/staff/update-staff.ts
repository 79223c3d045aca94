"use server";

import { getDb } from "@/db";
import { updateStaff as updateStaffRecord } from "@/lib/staff/staff-records";
import { updateStaffSchema } from "@/lib/validation/staff";
import { defineAction } from "../define-action";

export const updateStaff = defineAction({
  name: "staff.update",
  permission: "staff:manage",
  schema: updateStaffSchema,
  async handler({ id, ...input }, { actor }) {
    await updateStaffRecord(getDb(), id, input, actor);
  },
});
