"use server";

import { getDb } from "@/db";
import { restoreService as restoreServiceRecord } from "@/lib/services/service-records";
import { serviceIdSchema } from "@/lib/validation/services";
import { defineAction } from "../define-action";

export const restoreService = defineAction({
  name: "services.restore",
  permission: "services:archive",
  schema: serviceIdSchema,
  async handler({ id }, { actor }) {
    await restoreServiceRecord(getDb(), id, actor);
  },
});
