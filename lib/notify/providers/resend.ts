import "server-only";
import { Resend } from "resend";
import { retryAfterDelay } from "../backoff";
import { fromHeader } from "../from-header";
import { isPermanentStatus, ProviderError, ProviderRateLimitError, type EmailMessage, type EmailProvider } from "./types";

export type ResendConfig = {
  apiKey: string;
  /** Another Resend-compatible endpoint (tests point it at a local stub). */
  baseUrl?: string;
  /** EMAIL_FROM: its address is used, with the sender name from settings in front. */
  from: string;
  timeoutMs?: number;
  /** RESEND_MAX_PER_SECOND: the worker's pace for this provider. */
  maxPerSecond?: number;
};

export function createResendProvider(config: ResendConfig): EmailProvider {
  const client = new Resend(config.apiKey, config.baseUrl ? { baseUrl: config.baseUrl } : undefined);
  const timeoutMs = config.timeoutMs ?? 15_000;
  return {
    name: "resend",
    delivers: true,
    maxPerSecond: config.maxPerSecond,
    async sendEmail(message: EmailMessage) {
      const { data, error, headers } = await client.emails.send(
        {
          from: fromHeader(message.senderName, config.from),
          to: message.to,
          // Real recipient fields: the provider sends each a copy and hides bcc.
          cc: message.cc.length ? message.cc : undefined,
          bcc: message.bcc.length ? message.bcc : undefined,
          subject: message.subject,
          html: message.html ?? undefined,
          text: message.text,
          attachments: message.attachments.length ? message.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })) : undefined,
        },
        // A timeout well inside the worker's lease, so a hung call can't outlive it.
        { idempotencyKey: message.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (error || !data) {
        const status = error && "statusCode" in error ? (error.statusCode as number | null) : null;
        // The SDK hands back the response's headers with its error, lower-cased.
        if (status === 429) throw new ProviderRateLimitError(`Resend: ${error?.message ?? "rate limited"} (HTTP 429)`, retryAfterDelay(headers?.["retry-after"]));
        throw new ProviderError(`Resend: ${error?.message ?? "no response"}${status ? ` (HTTP ${status})` : ""}`, isPermanentStatus(status));
      }
      return { status: "sent", providerMessageId: data.id };
    },
  };
}
