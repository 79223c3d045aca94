import { z } from "zod";

export const retryMessageSchema = z.object({ id: z.coerce.number().int().positive() });
export type RetryMessageInput = z.infer<typeof retryMessageSchema>;
