"use server";

import { getDb } from "@/db";
import { archiveService as archiveServiceRecord } from "@/lib/services/service-records";
import { serviceIdSchema } from "@/lib/validation/services";
import { defineAction } from "../define-action";

export const archiveService = defineAction({
  name: "services.archive",
  permission: "services:archive",
  schema: serviceIdSchema,
  async handler({ id }, { actor }) {
    await archiveServiceRecord(getDb(), id, actor);
  },
});
