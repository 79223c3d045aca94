import { z } from "zod";
import type { OutboxChannel } from "@/db/schema";
import { DomainError } from "@/lib/errors";

/** E.164: a plus, a country code that doesn't start with 0, 8 to 15 digits in all. */
export const E164 = /^\+[1-9]\d{7,14}$/;

const emailAddress = z
  .string()
  .trim()
  .pipe(z.email({ error: (issue) => `"${String(issue.input)}" is not a valid email address.` }))
  .pipe(z.string().max(254, "An email address can't be longer than 254 characters."));

const phoneNumber = z
  .string()
  .trim()
  .regex(E164, { error: (issue) => `"${String(issue.input)}" is not a phone number in E.164 form, like +14155550123.` });

const idempotencyKey = z.string().trim().min(1, "An idempotency key is required.").max(191, "The idempotency key can't be longer than 191 characters.");

const attachmentRef = z.looseObject({ kind: z.string().min(1), filename: z.string().trim().min(1).max(200) });

const emailSchema = z.object({
  channel: z.literal("email"),
  to: z.array(emailAddress).min(1, "An email needs at least one recipient.").max(50),
  cc: z.array(emailAddress).max(50).default([]),
  bcc: z.array(emailAddress).max(50).default([]),
  subject: z.string().trim().min(1).max(300).optional(),
  attachments: z.array(attachmentRef).max(10).default([]),
  idempotencyKey,
});

const smsSchema = z.object({
  channel: z.literal("sms"),
  // One number per message, so a retry can never re-send to numbers that already got it.
  to: z.array(phoneNumber).length(1, "An SMS goes to one number: queue one message per recipient."),
  cc: z.array(z.string()).max(0, "An SMS has no cc.").default([]),
  bcc: z.array(z.string()).max(0, "An SMS has no bcc.").default([]),
  subject: z.undefined({ error: "An SMS has no subject." }).optional(),
  attachments: z.array(attachmentRef).max(0, "An SMS can't carry attachments.").default([]),
  idempotencyKey,
});

const messageSchema = z.discriminatedUnion("channel", [emailSchema, smsSchema]);

export type ValidMessage = { channel: OutboxChannel; to: string[]; cc: string[]; bcc: string[]; subject?: string; idempotencyKey: string };

type RawMessage = { channel: OutboxChannel; to: string | string[]; cc?: string[]; bcc?: string[]; subject?: string; attachments?: unknown[]; idempotencyKey: string };

/**
 * Checks recipients and the key before anything is written. A bad address is
 * refused with a DomainError naming the field and the value, so the caller
 * can show it or fix its data.
 */
export function validateMessage(input: RawMessage, template: string): ValidMessage {
  const parsed = messageSchema.safeParse({ ...input, to: typeof input.to === "string" ? [input.to] : input.to });
  if (parsed.success) {
    const { channel, to, cc, bcc, subject, idempotencyKey: key } = parsed.data;
    return { channel, to, cc, bcc, subject, idempotencyKey: key };
  }
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "message");
    (fieldErrors[field] ??= []).push(issue.message);
  }
  const details = parsed.error.issues.map((i) => i.message).join(" ");
  throw new DomainError(`Can't queue the "${template}" ${input.channel === "sms" ? "SMS" : "email"}: ${details}`, fieldErrors);
}
