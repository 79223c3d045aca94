"use server";

import { getDb } from "@/db";
import { updateSettings as saveSettings } from "@/lib/settings/update-settings";
import { settingsSchema } from "@/lib/validation/settings";
import { defineAction } from "../define-action";

export const updateSettings = defineAction({
  name: "settings.update",
  permission: "settings:manage",
  schema: settingsSchema,
  async handler(input, { actor }) {
    await saveSettings(getDb(), input, actor);
  },
});
