import type { ResolvedAttachment } from "../attachments";

export type EmailMessage = {
  /** The display name from settings; the provider pairs it with its configured address. */
  senderName: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  html: string | null;
  text: string;
  attachments: ResolvedAttachment[];
  /** The outbox row's key: the provider drops a repeat with the same key. */
  idempotencyKey: string;
};

export type SmsMessage = { to: string; body: string; idempotencyKey: string };

export type SendResult = { status: "sent" | "captured"; providerMessageId: string | null };

export interface EmailProvider {
  readonly name: string;
  /** False for the capture provider, which needs no rendered attachments. */
  readonly delivers: boolean;
  sendEmail(message: EmailMessage): Promise<SendResult>;
}

export interface SmsProvider {
  readonly name: string;
  sendSms(message: SmsMessage): Promise<SendResult>;
}

export type Providers = { email: EmailProvider; sms: SmsProvider };

/**
 * A send the provider refused. `permanent` marks a refusal that retrying can't
 * fix (a malformed request, a rejected recipient): the message goes straight
 * to dead instead of using up its retries.
 */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}

/** 4xx answers other than 408 (timeout) and 429 (rate limit) won't change on retry. */
export const isPermanentStatus = (status: number | null | undefined) => status != null && status >= 400 && status < 500 && status !== 408 && status !== 429;
