// Speaks enough of Resend's POST /emails for the real `resend` SDK: bearer
// auth, JSON in and out, and the Idempotency-Key header (a repeated key gets
// the first answer back and is marked as a replay, as Resend does).
import { randomUUID } from "node:crypto";
import { Faults, listen, sendJson, type StubServer } from "./http";

export type ResendAttachmentBody = { filename?: string; content?: string; content_type?: string };

export type ResendEmailBody = {
  from: string;
  to: string | string[];
  cc?: string | string[];
  bcc?: string | string[];
  subject: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
  attachments?: ResendAttachmentBody[];
};

export type ResendRequest = { id: string; at: number; idempotencyKey: string | null; authorization: string | undefined; replay: boolean; body: ResendEmailBody };

export type ResendStub = StubServer & {
  /** Every request answered 200, replays included, in arrival order. */
  requests: ResendRequest[];
  /** Requests answered 500. */
  failed: number;
  /** Requests answered 429. */
  rateLimited: number;
  /** When each POST /emails arrived, whatever its answer: what a provider counts against its rate limit. */
  arrivals: number[];
  faults: Faults;
};

export async function startResendStub(port?: number): Promise<ResendStub> {
  const requests: ResendRequest[] = [];
  const byKey = new Map<string, string>();
  const faults = new Faults();
  const stub = {
    requests,
    failed: 0,
    rateLimited: 0,
    arrivals: [] as number[],
    faults,
  };
  const server = await listen((req, raw, res) => {
    if (req.method !== "POST" || req.url !== "/emails") return sendJson(res, 404, { statusCode: 404, name: "not_found", message: "Not found" });
    if (!req.headers.authorization?.startsWith("Bearer re_")) return sendJson(res, 401, { statusCode: 401, name: "missing_api_key", message: "Missing API key" });
    stub.arrivals.push(Date.now());
    const limited = faults.takeRateLimit();
    if (limited) {
      stub.rateLimited += 1;
      return sendJson(res, 429, { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests. You can only make 2 requests per second." }, limited);
    }
    if (faults.take()) {
      stub.failed += 1;
      return sendJson(res, 500, { statusCode: 500, name: "internal_server_error", message: "The stub is failing on purpose" });
    }
    if (faults.echoBody) {
      const body = JSON.parse(raw) as ResendEmailBody;
      return sendJson(res, 422, { statusCode: 422, name: "validation_error", message: `Invalid message, quoted back: ${body.subject} ${body.text} ${body.html}` });
    }
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const known = key ? byKey.get(key) : undefined;
    const id = known ?? randomUUID();
    if (key && !known) byKey.set(key, id);
    requests.push({ id, at: Date.now(), idempotencyKey: key, authorization: req.headers.authorization, replay: Boolean(known), body: JSON.parse(raw) as ResendEmailBody });
    sendJson(res, 200, { id });
  }, port);
  return Object.assign(stub, server);
}
