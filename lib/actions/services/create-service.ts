"use server";

import { getDb } from "@/db";
import { createService as createServiceRecord } from "@/lib/services/service-records";
import { serviceSchema } from "@/lib/validation/services";
import { defineAction } from "../define-action";

export const createService = defineAction({
  name: "services.create",
  permission: "services:write",
  schema: serviceSchema,
  async handler(input, { actor }) {
    return createServiceRecord(getDb(), input, actor);
  },
});
