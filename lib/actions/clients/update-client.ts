"use server";

import { getDb } from "@/db";
import { updateClient as updateClientRecord } from "@/lib/clients/client-records";
import { updateClientSchema } from "@/lib/validation/clients";
import { defineAction } from "../define-action";

export const updateClient = defineAction({
  name: "clients.update",
  permission: "clients:write",
  schema: updateClientSchema,
  async handler({ id, ...input }, { actor }) {
    return updateClientRecord(getDb(), id, input, actor);
  },
});
