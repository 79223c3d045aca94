"use server";

import { getDb } from "@/db";
import { archiveClient as archiveClientRecord } from "@/lib/clients/client-records";
import { clientIdSchema } from "@/lib/validation/clients";
import { defineAction } from "../define-action";

export const archiveClient = defineAction({
  name: "clients.archive",
  permission: "clients:archive",
  schema: clientIdSchema,
  async handler({ id }, { actor }) {
    await archiveClientRecord(getDb(), id, actor);
  },
});
