"use server";

import { getDb } from "@/db";
import { retryMessage as requeueMessage } from "@/lib/notify/retry";
import { retryMessageSchema } from "@/lib/validation/outbox";
import { defineAction } from "../define-action";

export const retryMessage = defineAction({
  name: "outbox.retry",
  permission: "outbox:retry",
  schema: retryMessageSchema,
  async handler({ id }, { actor }) {
    return requeueMessage(getDb(), id, actor);
  },
});
