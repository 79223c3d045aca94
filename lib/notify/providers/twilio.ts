import "server-only";
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { isPermanentStatus, ProviderError, type SmsMessage, type SmsProvider } from "./types";

export type TwilioConfig = {
  accountSid: string;
  authToken: string;
  /** The sending number, E.164. Either this or messagingServiceSid. */
  from?: string;
  messagingServiceSid?: string;
  /** Another Twilio-compatible endpoint (tests point it at a local stub). */
  baseUrl?: string;
  timeoutMs?: number;
};

const TWILIO_API = "https://api.twilio.com";

// The SDK has no base-URL setting; this client rewrites each request's URI.
class RedirectingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    timeoutMs: number,
  ) {
    super({ timeout: timeoutMs });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request({ ...opts, uri: opts.uri.replace(TWILIO_API, this.baseUrl.replace(/\/$/, "")) });
  }
}

export function createTwilioProvider(config: TwilioConfig): SmsProvider {
  if (!config.from && !config.messagingServiceSid) {
    throw new Error("Twilio needs TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID to send SMS.");
  }
  const timeoutMs = config.timeoutMs ?? 15_000;
  const httpClient = config.baseUrl ? new RedirectingRequestClient(config.baseUrl, timeoutMs) : new twilio.RequestClient({ timeout: timeoutMs });
  const client = twilio(config.accountSid, config.authToken, { httpClient });
  return {
    name: "twilio",
    async sendSms(message: SmsMessage) {
      try {
        const sent = await client.messages.create({
          to: message.to,
          body: message.body,
          // A Messaging Service picks the sender itself; otherwise send from our number.
          ...(config.messagingServiceSid ? { messagingServiceSid: config.messagingServiceSid } : { from: config.from }),
        });
        return { status: "sent", providerMessageId: sent.sid };
      } catch (error) {
        const status = (error as { status?: number }).status;
        const reason = error instanceof Error ? error.message : String(error);
        throw new ProviderError(`Twilio: ${reason}${status ? ` (HTTP ${status})` : ""}`, isPermanentStatus(status));
      }
    },
  };
}
