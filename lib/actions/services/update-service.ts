"use server";

import { getDb } from "@/db";
import { updateService as updateServiceRecord } from "@/lib/services/service-records";
import { updateServiceSchema } from "@/lib/validation/services";
import { defineAction } from "../define-action";

export const updateService = defineAction({
  name: "services.update",
  permission: "services:write",
  schema: updateServiceSchema,
  async handler({ id, ...input }, { actor }) {
    return updateServiceRecord(getDb(), id, input, actor);
  },
});
