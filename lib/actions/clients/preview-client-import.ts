"use server";

import { getDb } from "@/db";
import { previewImport } from "@/lib/clients/import-clients";
import { importClientsSchema } from "@/lib/validation/clients";
import { defineAction } from "../define-action";

/** Checks an import file row by row and writes nothing. */
export const previewClientImport = defineAction({
  name: "clients.import_preview",
  permission: "clients:import",
  schema: importClientsSchema,
  async handler({ csv }) {
    const { inputs: _inputs, ...preview } = await previewImport(getDb(), csv);
    return preview;
  },
});
