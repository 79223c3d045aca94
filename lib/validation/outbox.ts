import { z } from "zod";
import { outboxChannels, outboxStatuses } from "@/db/schema/outbox";
import { id, isoDate } from "./fields";

export const retryMessageSchema = z.object({ id });
export type RetryMessageInput = z.infer<typeof retryMessageSchema>;

// A bad or hand-edited URL value drops that one filter instead of failing the page.
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The outbox list's URL search params. */
export const outboxSearchSchema = z.object({
  channel: lenient(z.enum(outboxChannels)),
  status: lenient(z.enum(outboxStatuses)),
  recipient: lenient(z.string().trim().min(1).max(255)),
  from: lenient(isoDate("Pick a date")),
  to: lenient(isoDate("Pick a date")),
  cursor: lenient(z.string().max(40)),
  dir: lenient(z.enum(["older", "newer"])),
});
export type OutboxSearch = z.infer<typeof outboxSearchSchema>;
