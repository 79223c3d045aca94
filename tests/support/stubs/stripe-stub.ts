// Speaks the parts of Stripe's HTTP API that lib/payments/stripe uses, for
// the real `stripe` SDK pointed here by STRIPE_API_BASE (its host, port and
// protocol options): Checkout Sessions, PaymentIntents, Refunds, Customers,
// SetupIntents and PaymentMethods (retrieve, detach), form-encoded in, JSON out, with bearer auth and Idempotency-Key
// replays. It serves a minimal hosted checkout page whose buttons complete or
// decline the payment, and sends webhook events signed as Stripe signs them:
// Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">.
import { createHmac, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { listen, sendJson, type StubServer } from "./http";

type Obj = Record<string, unknown>;
export type StripeEventBody = {
  id: string;
  object: "event";
  type: string;
  created: number;
  livemode: false;
  api_version: string;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  data: { object: Obj };
};

/** Where signed events go: the app's webhook URL, or (integration tests) a function that hands them to the route handler. */
export type WebhookTarget = string | ((raw: string, signature: string) => Promise<number>);

export type Delivery = { eventId: string; type: string; status: number; event: StripeEventBody };

export type StripeStub = StubServer & {
  sessions: Map<string, Obj>;
  intents: Map<string, Obj>;
  refunds: Obj[];
  /** Every delivery attempt, in order, with the status the app answered. */
  deliveries: Delivery[];
  /** Every API request (method and path), for tests that check what the SDK called. */
  calls: string[];
  webhookSecret: string;
  target: WebhookTarget | null;
  /** When set, the hosted page's Pay keeps its events in `held` instead of sending them (Stripe's webhooks may come after the client is back). */
  holdHosted: boolean;
  /** The kind of payment method a setup-mode checkout saves, as a prefix of its new id: "pm_card_visa" (charges succeed) or "pm_card_chargeDeclined" (off-session charges decline). */
  savedCard: string;
  /** Customers or payment methods whose off-session charges decline (a card that has since been cancelled, say); remove one to let it succeed. */
  declineOffSession: Set<string>;
  /** Payment methods detached from their customer. */
  detached: Set<string>;
  held: StripeEventBody[];
  /** The card the hosted page "enters": completes or declines the session's payment intent and returns its events, delivered unless hold is set. */
  pay(sessionId: string, opts?: { hold?: boolean }): Promise<StripeEventBody[]>;
  decline(sessionId: string, opts?: { hold?: boolean; message?: string }): Promise<StripeEventBody[]>;
  /** Signs and sends one event (again, if it was sent before); answers the app's status. */
  deliver(event: StripeEventBody): Promise<number>;
  sign(raw: string, secret?: string, timestamp?: number): string;
  /** Resolves once every webhook the stub started on its own (after a refund) has been answered. */
  idle(): Promise<void>;
};

const API_VERSION = "2026-11-18.endive";
const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;
const now = () => Math.floor(Date.now() / 1000);

/** Decodes Stripe's form encoding (a[b][0][c]=v) into nested objects and arrays. */
export function decodeForm(raw: string): Obj {
  const out: Obj = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = key.replace(/\]/g, "").split("[");
    let node: Obj = out;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Obj;
    });
  }
  return out;
}

const list = (value: unknown): Obj[] => (value && typeof value === "object" ? Object.values(value as Obj) : []) as Obj[];

function stripeError(res: ServerResponse, status: number, message: string, type = "invalid_request_error") {
  sendJson(res, status, { error: { type, message } });
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif;max-width:28rem;margin:3rem auto">${body}</body></html>`;
}

export async function startStripeStub(opts: { port?: number; webhookSecret?: string; target?: WebhookTarget } = {}): Promise<StripeStub> {
  const sessions = new Map<string, Obj>();
  const intents = new Map<string, Obj>();
  const charges = new Map<string, Obj>();
  const customers = new Map<string, Obj>();
  const setupIntents = new Map<string, Obj>();
  const refunds: Obj[] = [];
  const deliveries: Delivery[] = [];
  const calls: string[] = [];
  const replays = new Map<string, { status: number; body: unknown }>();
  const background = new Set<Promise<unknown>>();

  const event = (type: string, object: Obj): StripeEventBody => ({
    id: id("evt"),
    object: "event",
    type,
    created: now(),
    livemode: false,
    api_version: API_VERSION,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: structuredClone(object) },
  });

  const stub: Omit<StripeStub, keyof StubServer> = {
    sessions,
    intents,
    refunds,
    deliveries,
    calls,
    webhookSecret: opts.webhookSecret ?? `whsec_${randomBytes(16).toString("hex")}`,
    target: opts.target ?? null,
    holdHosted: false,
    savedCard: "pm_card_visa",
    declineOffSession: new Set<string>(),
    detached: new Set<string>(),
    held: [] as StripeEventBody[],
    sign(raw: string, secret = stub.webhookSecret, timestamp = now()) {
      const v1 = createHmac("sha256", secret).update(`${timestamp}.${raw}`, "utf8").digest("hex");
      return `t=${timestamp},v1=${v1}`;
    },
    async deliver(ev: StripeEventBody): Promise<number> {
      const target = stub.target;
      if (!target) throw new Error("The Stripe stub has no webhook target");
      const raw = JSON.stringify(ev, null, 2);
      const signature = stub.sign(raw);
      let status: number;
      if (typeof target === "string") {
        const res = await fetch(target, {
          method: "POST",
          headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": signature, "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)" },
          body: raw,
        });
        await res.arrayBuffer();
        status = res.status;
      } else {
        status = await target(raw, signature);
      }
      deliveries.push({ eventId: ev.id, type: ev.type, status, event: ev });
      return status;
    },
    async pay(sessionId: string, o: { hold?: boolean } = {}) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`No checkout session ${sessionId}`);
      if (session.mode === "setup") {
        // The card is saved: the setup intent succeeds with a payment method the stub's off-session charges recognise.
        const setup = setupIntents.get(session.setup_intent as string)!;
        Object.assign(setup, { status: "succeeded", payment_method: id(stub.savedCard) });
        Object.assign(session, { status: "complete" });
        const events = [event("checkout.session.completed", session)];
        if (!o.hold) for (const ev of events) await stub.deliver(ev);
        return events;
      }
      const intent = intents.get(session.payment_intent as string)!;
      const chargeId = id("ch");
      const charge = {
        id: chargeId,
        object: "charge",
        amount: intent.amount,
        amount_captured: intent.amount,
        amount_refunded: 0,
        currency: intent.currency,
        payment_intent: intent.id,
        refunded: false,
        status: "succeeded",
        paid: true,
        metadata: intent.metadata,
        payment_method_details: { type: "card", card: { brand: "visa", last4: "4242" } },
      };
      charges.set(chargeId, charge);
      Object.assign(intent, { status: "succeeded", amount_received: intent.amount, latest_charge: chargeId, last_payment_error: null });
      Object.assign(session, { status: "complete", payment_status: "paid" });
      const events = [event("payment_intent.succeeded", intent), event("checkout.session.completed", session)];
      if (!o.hold) for (const ev of events) await stub.deliver(ev);
      return events;
    },
    async decline(sessionId: string, o: { hold?: boolean; message?: string } = {}) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`No checkout session ${sessionId}`);
      const intent = intents.get(session.payment_intent as string)!;
      Object.assign(intent, {
        status: "requires_payment_method",
        last_payment_error: { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: o.message ?? "Your card was declined." },
      });
      const events = [event("payment_intent.payment_failed", intent)];
      if (!o.hold) for (const ev of events) await stub.deliver(ev);
      return events;
    },
    async idle() {
      while (background.size) await Promise.all([...background]);
    },
  };

  function later(work: () => Promise<unknown>) {
    const p = work().catch((error) => console.error("stripe stub: webhook delivery failed", error));
    background.add(p);
    void p.finally(() => background.delete(p));
  }

  /** A saved card as Stripe describes it; the last four digits follow Stripe's test cards (pm_card_visa is 4242). */
  function paymentMethod(pm: string): Obj {
    const declines = pm.includes("Declined");
    return {
      id: pm,
      object: "payment_method",
      type: "card",
      customer: stub.detached.has(pm) ? null : "cus_stub",
      card: { brand: "visa", last4: declines ? "0341" : "4242", exp_month: 12, exp_year: 2039 },
    };
  }

  function newIntent(params: Obj, extra: Obj = {}): Obj {
    const intent: Obj = {
      id: id("pi"),
      object: "payment_intent",
      amount: Number(params.amount),
      amount_received: 0,
      currency: String(params.currency),
      status: "requires_payment_method",
      metadata: (params.metadata as Obj) ?? {},
      customer: params.customer ?? null,
      payment_method: params.payment_method ?? null,
      latest_charge: null,
      last_payment_error: null,
      created: now(),
      livemode: false,
      ...extra,
    };
    intents.set(intent.id as string, intent);
    return intent;
  }

  function api(req: IncomingMessage, raw: string, res: ServerResponse, url: URL) {
    const path = url.pathname;
    const params = decodeForm(raw);
    const m = (re: RegExp) => re.exec(path);
    let match: RegExpExecArray | null;
    if (req.method === "POST" && path === "/v1/checkout/sessions") {
      const item = list(params.line_items)[0] ?? {};
      const price = (item.price_data ?? {}) as Obj;
      const amount = Number(price.unit_amount) * Number(item.quantity ?? 1);
      const mode = String(params.mode ?? "payment");
      const sid = id("cs_test");
      const base = {
        id: sid,
        object: "checkout.session",
        mode,
        status: "open",
        url: `${server.url}/checkout/${sid}`,
        success_url: params.success_url,
        cancel_url: params.cancel_url,
        metadata: params.metadata ?? {},
        client_reference_id: params.client_reference_id ?? null,
        customer: params.customer ?? null,
        customer_email: params.customer_email ?? null,
        livemode: false,
        created: now(),
        expires_at: now() + 86_400,
      };
      let session: Obj;
      if (mode === "setup") {
        const setup = {
          id: id("seti"),
          object: "setup_intent",
          status: "requires_payment_method",
          customer: params.customer ?? null,
          payment_method: null,
          metadata: ((params.setup_intent_data as Obj)?.metadata as Obj) ?? {},
          usage: "off_session",
        };
        setupIntents.set(setup.id, setup);
        session = { ...base, setup_intent: setup.id, payment_intent: null, amount_total: null, currency: null, payment_status: "no_payment_required" };
      } else {
        if (!Number.isSafeInteger(amount) || amount <= 0) return stripeError(res, 400, "Invalid line_items: unit_amount must be a positive integer");
        const intent = newIntent({ amount, currency: price.currency, metadata: (params.payment_intent_data as Obj)?.metadata ?? {} });
        session = { ...base, payment_intent: intent.id, setup_intent: null, amount_total: amount, currency: price.currency, payment_status: "unpaid" };
      }
      sessions.set(sid, session);
      return sendJson(res, 200, session);
    }
    if (req.method === "GET" && (match = m(/^\/v1\/checkout\/sessions\/([\w]+)$/))) {
      const session = sessions.get(match[1]!);
      return session ? sendJson(res, 200, session) : stripeError(res, 404, `No such checkout.session: '${match[1]}'`);
    }
    if (req.method === "GET" && (match = m(/^\/v1\/payment_intents\/([\w]+)$/))) {
      const intent = intents.get(match[1]!);
      return intent ? sendJson(res, 200, intent) : stripeError(res, 404, `No such payment_intent: '${match[1]}'`);
    }
    if (req.method === "POST" && path === "/v1/payment_intents") {
      // Off-session charges of a saved card: "pm_card_chargeDeclined", a card or customer in declineOffSession, and a detached card decline; any other succeeds.
      const pm = String(params.payment_method ?? "");
      const intent = newIntent(params);
      if (params.confirm === "true") {
        if (pm.includes("Declined") || stub.declineOffSession.has(pm) || stub.declineOffSession.has(String(params.customer ?? "")) || stub.detached.has(pm)) {
          Object.assign(intent, { status: "requires_payment_method", last_payment_error: { type: "card_error", code: "card_declined", message: "Your card was declined." } });
          later(() => stub.deliver(event("payment_intent.payment_failed", intent)));
          return sendJson(res, 402, { error: { type: "card_error", code: "card_declined", message: "Your card was declined.", payment_intent: intent } });
        }
        Object.assign(intent, { status: "succeeded", amount_received: intent.amount });
        later(() => stub.deliver(event("payment_intent.succeeded", intent)));
      }
      return sendJson(res, 200, intent);
    }
    if (req.method === "POST" && path === "/v1/refunds") {
      const intent = intents.get(String(params.payment_intent ?? ""));
      if (!intent || intent.status !== "succeeded") return stripeError(res, 400, `No succeeded payment_intent: '${String(params.payment_intent)}'`);
      const charge = charges.get(String(intent.latest_charge)) ?? {
        id: id("ch"),
        object: "charge",
        amount: intent.amount,
        amount_refunded: 0,
        currency: intent.currency,
        payment_intent: intent.id,
        metadata: intent.metadata,
      };
      charges.set(charge.id as string, charge);
      const left = Number(charge.amount) - Number(charge.amount_refunded);
      const amount = params.amount === undefined ? left : Number(params.amount);
      if (!Number.isSafeInteger(amount) || amount <= 0 || amount > left) return stripeError(res, 400, `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`);
      const refund = {
        id: id("re"),
        object: "refund",
        amount,
        currency: intent.currency,
        payment_intent: intent.id,
        charge: charge.id,
        status: "succeeded",
        created: now(),
        metadata: params.metadata ?? {},
      };
      refunds.push(refund);
      Object.assign(charge, { amount_refunded: Number(charge.amount_refunded) + amount, refunded: Number(charge.amount_refunded) + amount === Number(charge.amount) });
      later(() => stub.deliver(event("charge.refunded", charge)));
      return sendJson(res, 200, refund);
    }
    if (req.method === "POST" && path === "/v1/customers") {
      const customer = {
        id: id("cus"),
        object: "customer",
        email: params.email ?? null,
        name: params.name ?? null,
        metadata: params.metadata ?? {},
        invoice_settings: { default_payment_method: null },
      };
      customers.set(customer.id, customer);
      return sendJson(res, 200, customer);
    }
    if (req.method === "GET" && (match = m(/^\/v1\/payment_methods\/([\w]+)$/))) {
      const pm = match[1]!;
      return sendJson(res, 200, paymentMethod(pm));
    }
    if (req.method === "POST" && (match = m(/^\/v1\/payment_methods\/([\w]+)\/detach$/))) {
      const pm = match[1]!;
      if (stub.detached.has(pm)) return stripeError(res, 400, `The payment method ${pm} is not attached to a customer`);
      stub.detached.add(pm);
      return sendJson(res, 200, paymentMethod(pm));
    }
    if (req.method === "GET" && (match = m(/^\/v1\/setup_intents\/([\w]+)$/))) {
      const setup = setupIntents.get(match[1]!);
      return setup ? sendJson(res, 200, setup) : stripeError(res, 404, `No such setup_intent: '${match[1]}'`);
    }
    return stripeError(res, 404, `Unrecognized request URL (${req.method}: ${path}).`);
  }

  async function hosted(req: IncomingMessage, raw: string, res: ServerResponse, url: URL) {
    const match = /^\/checkout\/([\w]+)(?:\/(pay|decline))?$/.exec(url.pathname);
    const session = match ? sessions.get(match[1]!) : undefined;
    if (!match || !session) {
      res.writeHead(404, { "content-type": "text/html" });
      return res.end(page("Not found", "<p>No such checkout.</p>"));
    }
    const sid = match[1]!;
    if (req.method === "GET") {
      const amount = session.amount_total === null ? "" : `${(Number(session.amount_total) / 100).toFixed(2)} ${String(session.currency).toUpperCase()}`;
      const declined = url.searchParams.get("declined") ? `<p role="alert">Your card was declined.</p>` : "";
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(
        page(
          "Stripe stub checkout",
          `<h1>Stub checkout</h1><p data-testid="amount">${amount}</p>${declined}` +
            `<form method="post" action="/checkout/${sid}/pay"><button type="submit">Pay</button></form>` +
            `<form method="post" action="/checkout/${sid}/decline"><button type="submit">Decline card</button></form>` +
            `<p><a href="${String(session.cancel_url)}">Back</a></p>`,
        ),
      );
    }
    if (req.method === "POST" && match[2] === "pay") {
      if (session.status !== "open") return stripeError(res, 400, "This checkout is no longer open.");
      const events = await stub.pay(sid, { hold: stub.holdHosted });
      if (stub.holdHosted) stub.held.push(...events);
      res.writeHead(303, { location: String(session.success_url).replace("{CHECKOUT_SESSION_ID}", sid) });
      return res.end();
    }
    if (req.method === "POST" && match[2] === "decline") {
      await stub.decline(sid);
      res.writeHead(303, { location: `/checkout/${sid}?declined=1` });
      return res.end();
    }
    void raw;
    res.writeHead(405);
    res.end();
  }

  const server = await listen((req, raw, res) => {
    const url = new URL(req.url ?? "/", "http://stub");
    if (url.pathname.startsWith("/checkout/")) {
      hosted(req, raw, res, url).catch((error) => {
        console.error("stripe stub: hosted page failed", error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    calls.push(`${req.method} ${url.pathname}`);
    if (!/^Bearer sk_(test|live)_\w+$/.test(req.headers.authorization ?? "")) return stripeError(res, 401, "Invalid API Key provided", "invalid_request_error");
    const key = req.headers["idempotency-key"] as string | undefined;
    const replay = key ? replays.get(`${req.method} ${url.pathname} ${key}`) : undefined;
    if (replay) {
      res.setHeader("idempotent-replayed", "true");
      return sendJson(res, replay.status, replay.body);
    }
    if (key) {
      // Remember the answer to replay it for the same key, as Stripe does.
      const original = res.end.bind(res);
      let body = "";
      const write = res.write.bind(res);
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        body += String(chunk);
        return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof res.write;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (chunk && typeof chunk !== "function") body += String(chunk);
        if (res.statusCode < 500) replays.set(`${req.method} ${url.pathname} ${key}`, { status: res.statusCode, body: JSON.parse(body || "null") });
        return (original as (...a: unknown[]) => ServerResponse)(chunk, ...rest);
      }) as typeof res.end;
    }
    api(req, raw, res, url);
  }, opts.port);
  return Object.assign(stub, server);
}
