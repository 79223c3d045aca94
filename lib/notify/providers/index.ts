import "server-only";
import { env } from "@/lib/env";
import { captureProvider } from "./capture";
import { createResendProvider } from "./resend";
import { createTwilioProvider } from "./twilio";
import type { Providers } from "./types";

export type { EmailMessage, EmailProvider, Providers, SendResult, SmsMessage, SmsProvider } from "./types";
export { ProviderError, ProviderRateLimitError } from "./types";

/**
 * The providers the environment asks for: Resend when RESEND_API_KEY is set,
 * Twilio when TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are, and capture for
 * whichever is missing.
 */
export function providersFromEnv(): Providers {
  const e = env();
  return {
    email: e.RESEND_API_KEY ? createResendProvider({ apiKey: e.RESEND_API_KEY, baseUrl: e.RESEND_BASE_URL, from: e.EMAIL_FROM, maxPerSecond: e.RESEND_MAX_PER_SECOND }) : captureProvider,
    sms:
      e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN
        ? createTwilioProvider({
            accountSid: e.TWILIO_ACCOUNT_SID,
            authToken: e.TWILIO_AUTH_TOKEN,
            from: e.TWILIO_FROM_NUMBER,
            messagingServiceSid: e.TWILIO_MESSAGING_SERVICE_SID,
            baseUrl: e.TWILIO_BASE_URL,
            maxPerSecond: e.TWILIO_MAX_PER_SECOND,
          })
        : captureProvider,
  };
}
