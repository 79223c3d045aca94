import type { EmailProvider, SmsProvider } from "./types";

/**
 * With no provider keys set, messages are captured instead of sent: the
 * worker marks them `captured` and admins read them on the outbox page, so a
 * fresh machine works fully without any account.
 */
export const captureProvider: EmailProvider & SmsProvider = {
  name: "capture",
  delivers: false,
  sendEmail: async () => ({ status: "captured", providerMessageId: null }),
  sendSms: async () => ({ status: "captured", providerMessageId: null }),
};
