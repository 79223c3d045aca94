"use server";

import { getDb } from "@/db";
import { deleteClient as deleteClientRecord } from "@/lib/clients/client-records";
import { clientIdSchema } from "@/lib/validation/clients";
import { defineAction } from "../define-action";

export const deleteClient = defineAction({
  name: "clients.delete",
  permission: "clients:delete",
  schema: clientIdSchema,
  async handler({ id }, { actor }) {
    await deleteClientRecord(getDb(), id, actor);
  },
});
