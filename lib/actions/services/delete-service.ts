"use server";

import { getDb } from "@/db";
import { deleteService as deleteServiceRecord } from "@/lib/services/service-records";
import { serviceIdSchema } from "@/lib/validation/services";
import { defineAction } from "../define-action";

export const deleteService = defineAction({
  name: "services.delete",
  permission: "services:delete",
  schema: serviceIdSchema,
  async handler({ id }, { actor }) {
    await deleteServiceRecord(getDb(), id, actor);
  },
});
