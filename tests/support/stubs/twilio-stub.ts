// Speaks enough of Twilio's POST /2010-04-01/Accounts/{sid}/Messages.json for
// the real `twilio` SDK: basic auth, a form-encoded body (To, From,
// MessagingServiceSid, Body) and a JSON message resource back.
import { randomBytes } from "node:crypto";
import { Faults, listen, sendJson, type StubServer } from "./http";

export type TwilioRequest = {
  sid: string;
  at: number;
  accountSid: string;
  to: string | null;
  from: string | null;
  messagingServiceSid: string | null;
  body: string | null;
};

export type TwilioStub = StubServer & {
  requests: TwilioRequest[];
  failed: number;
  /** Requests answered 429. */
  rateLimited: number;
  /** When each authorised POST arrived, whatever its answer. */
  arrivals: number[];
  faults: Faults;
};

const MESSAGES = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/;

export async function startTwilioStub(port?: number): Promise<TwilioStub> {
  const requests: TwilioRequest[] = [];
  const faults = new Faults();
  const stub = { requests, failed: 0, rateLimited: 0, arrivals: [] as number[], faults };
  const server = await listen((req, raw, res) => {
    const match = MESSAGES.exec(req.url ?? "");
    if (req.method !== "POST" || !match) return sendJson(res, 404, { code: 20404, message: "The requested resource was not found", status: 404 });
    const accountSid = match[1]!;
    const [user] = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64")
      .toString()
      .split(":");
    if (user !== accountSid) return sendJson(res, 401, { code: 20003, message: "Authenticate", status: 401 });
    stub.arrivals.push(Date.now());
    const limited = faults.takeRateLimit();
    if (limited) {
      stub.rateLimited += 1;
      return sendJson(res, 429, { code: 20429, message: "Too Many Requests", status: 429 }, limited);
    }
    if (faults.take()) {
      stub.failed += 1;
      return sendJson(res, 500, { code: 20500, message: "The stub is failing on purpose", status: 500 });
    }
    const form = new URLSearchParams(raw);
    if (faults.echoBody) return sendJson(res, 400, { code: 21617, message: `Invalid body, quoted back: ${form.get("Body")}`, status: 400 });
    const sid = `SM${randomBytes(16).toString("hex")}`;
    const message = { to: form.get("To"), from: form.get("From"), messagingServiceSid: form.get("MessagingServiceSid"), body: form.get("Body") };
    requests.push({ sid, at: Date.now(), accountSid, ...message });
    sendJson(res, 201, {
      sid,
      account_sid: accountSid,
      to: message.to,
      from: message.from,
      messaging_service_sid: message.messagingServiceSid,
      body: message.body,
      status: "queued",
      num_segments: "1",
      direction: "outbound-api",
      api_version: "2010-04-01",
      date_created: new Date().toUTCString(),
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
    });
  }, port);
  return Object.assign(stub, server);
}

/** A well-formed test account SID. */
export const STUB_ACCOUNT_SID = `AC${"0".repeat(31)}1`;
