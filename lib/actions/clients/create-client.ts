"use server";

import { getDb } from "@/db";
import { createClient as createClientRecord } from "@/lib/clients/client-records";
import { clientSchema } from "@/lib/validation/clients";
import { defineAction } from "../define-action";

export const createClient = defineAction({
  name: "clients.create",
  permission: "clients:write",
  schema: clientSchema,
  async handler(input, { actor }) {
    return createClientRecord(getDb(), input, actor);
  },
});
