"use server";

import { getDb } from "@/db";
import { importClients as importClientRows } from "@/lib/clients/import-clients";
import { importClientsSchema } from "@/lib/validation/clients";
import { defineAction } from "../define-action";

/** Writes the valid rows of a previewed file, after the admin confirms. */
export const importClients = defineAction({
  name: "clients.import",
  permission: "clients:import",
  schema: importClientsSchema,
  async handler({ csv }, { actor }) {
    return importClientRows(getDb(), csv, actor);
  },
});
