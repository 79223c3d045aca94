import "server-only";
import type twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { retryAfterDelay } from "../backoff";
import { isPermanentStatus, ProviderError, ProviderRateLimitError, type SmsMessage, type SmsProvider } from "./types";

export type TwilioConfig = {
  accountSid: string;
  authToken: string;
  /** The sending number, E.164. Either this or messagingServiceSid. */
  from?: string;
  messagingServiceSid?: string;
  /** Another Twilio-compatible endpoint (tests point it at a local stub). */
  baseUrl?: string;
  timeoutMs?: number;
  /** TWILIO_MAX_PER_SECOND: the worker's pace for this provider. */
  maxPerSecond?: number;
};

const TWILIO_API = "https://api.twilio.com";

type TwilioClient = ReturnType<typeof twilio>;

/** The error text of a Twilio answer: its JSON `message`, whether the SDK parsed the body or not. */
function errorText(body: unknown): string {
  try {
    const message = (typeof body === "string" ? JSON.parse(body) : body)?.message;
    return typeof message === "string" ? message : "Too many requests";
  } catch {
    return "Too many requests";
  }
}

/**
 * The SDK's client, with the SDK loaded when the first text is sent: most
 * requests, scripts and test files send none, and loading it cost each of
 * them about 110 ms.
 */
async function twilioClient(config: TwilioConfig, timeoutMs: number): Promise<TwilioClient> {
  const sdk = (await import("twilio")).default;
  const baseUrl = config.baseUrl?.replace(/\/$/, "");
  // The SDK has no base-URL setting, so this client rewrites each request's URI
  // when one is set. It also reads a 429 here: the SDK's RestException keeps
  // the status but drops the response's headers, and with them Retry-After.
  class ProviderRequestClient extends sdk.RequestClient {
    override async request<TData>(opts: RequestClient.RequestOptions<TData>) {
      const response = await super.request(baseUrl ? { ...opts, uri: opts.uri.replace(TWILIO_API, baseUrl) } : opts);
      if (response.statusCode === 429) {
        const headers = response.headers as Record<string, string | undefined> | undefined;
        throw new ProviderRateLimitError(`Twilio: ${errorText(response.body)} (HTTP 429)`, retryAfterDelay(headers?.["retry-after"]));
      }
      return response;
    }
  }
  return sdk(config.accountSid, config.authToken, { httpClient: new ProviderRequestClient({ timeout: timeoutMs }) });
}

export function createTwilioProvider(config: TwilioConfig): SmsProvider {
  if (!config.from && !config.messagingServiceSid) {
    throw new Error("Twilio needs TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID to send SMS.");
  }
  // The SDK's own check, made here because the SDK is loaded only at the first text: a wrong SID fails at start.
  if (!config.accountSid.startsWith("AC")) throw new Error("TWILIO_ACCOUNT_SID must start with AC.");
  const timeoutMs = config.timeoutMs ?? 15_000;
  let loading: Promise<TwilioClient> | undefined;
  return {
    name: "twilio",
    maxPerSecond: config.maxPerSecond,
    // Twilio's Messages API takes no idempotency key, so message.idempotencyKey
    // goes nowhere: a retry after an unclear failure (a timeout, a lost lease)
    // can text twice. SMS is at least once; README "Email and SMS" says so.
    async sendSms(message: SmsMessage) {
      const client = await (loading ??= twilioClient(config, timeoutMs));
      try {
        const sent = await client.messages.create({
          to: message.to,
          body: message.body,
          // A Messaging Service picks the sender itself; otherwise send from our number.
          ...(config.messagingServiceSid ? { messagingServiceSid: config.messagingServiceSid } : { from: config.from }),
        });
        return { status: "sent", providerMessageId: sent.sid };
      } catch (error) {
        if (error instanceof ProviderRateLimitError) throw error;
        const status = (error as { status?: number }).status;
        const reason = error instanceof Error ? error.message : String(error);
        throw new ProviderError(`Twilio: ${reason}${status ? ` (HTTP ${status})` : ""}`, isPermanentStatus(status));
      }
    },
  };
}
