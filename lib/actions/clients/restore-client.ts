"use server";

import { getDb } from "@/db";
import { restoreClient as restoreClientRecord } from "@/lib/clients/client-records";
import { clientIdSchema } from "@/lib/validation/clients";
import { defineAction } from "../define-action";

// Restoring undoes an archive, so it takes the same permission.
export const restoreClient = defineAction({
  name: "clients.restore",
  permission: "clients:archive",
  schema: clientIdSchema,
  async handler({ id }, { actor }) {
    await restoreClientRecord(getDb(), id, actor);
  },
});
