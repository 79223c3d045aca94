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
  /** Sends per second this worker keeps to (RESEND_MAX_PER_SECOND); unset: no pacing. */
  readonly maxPerSecond?: number;
  /** False for the capture provider, which needs no rendered attachments. */
  readonly delivers: boolean;
  sendEmail(message: EmailMessage): Promise<SendResult>;
}

export interface SmsProvider {
  readonly name: string;
  /** Sends per second this worker keeps to (TWILIO_MAX_PER_SECOND); unset: no pacing. */
  readonly maxPerSecond?: number;
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

/**
 * A 429: the provider is fine, we are sending too fast. The message is due
 * again after `retryAfterMs` (from Retry-After, bounded) without using one of
 * its attempts, and the worker sends nothing more to this provider until then.
 */
export class ProviderRateLimitError extends ProviderError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message, false);
    this.name = "ProviderRateLimitError";
  }
}

/** 4xx answers other than 408 (timeout) and 429 (rate limit) won't change on retry. */
export const isPermanentStatus = (status: number | null | undefined) => status != null && status >= 400 && status < 500 && status !== 408 && status !== 429;
