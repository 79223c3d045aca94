import { readdirSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { isValidElement, type ReactNode } from "react";
import { getDb } from "@/db";
import { clients, subscriptions } from "@/db/schema";
import { DENIED } from "@/lib/actions/define-action";
import { cancelSubscription } from "@/lib/actions/portal/cancel-subscription";
import { emailMyInvoice } from "@/lib/actions/portal/email-my-invoice";
import { payAllInvoices } from "@/lib/actions/portal/pay-all-invoices";
import { payInvoice } from "@/lib/actions/portal/pay-invoice";
import { removeSavedCard } from "@/lib/actions/portal/remove-saved-card";
import { resumeSubscription } from "@/lib/actions/portal/resume-subscription";
import { subscribeToService } from "@/lib/actions/portal/subscribe-to-service";
import { updateBillingDetails } from "@/lib/actions/portal/update-billing-details";
import type { Permission } from "@/lib/auth/permissions";
import type { FormState } from "@/lib/form-state";
import { recordPayment } from "@/lib/payments";
import { databaseChecksum } from "../support/backoffice";
import { form, redirectOf } from "../support/actions";
import { resetDatabase } from "../support/db";
import { createClientUser, createUser } from "../support/factories";
import { ensureSettings, issuedInvoice, line } from "../support/invoices";
import { SUCCESS_CARD, createService, newKey, payForm } from "../support/portal";
import { actAs } from "../support/request-context";

// Client A, signed in, tries every portal page, route handler and server
// action with client B's ids (invoice, payment, subscription, client). Every
// attempt must be a 404 (or notFound(), or a refusal), and the database must
// be byte-for-byte the same afterwards. The attempts are counted (printed at
// the end), and the last block checks that every portal page, API route and
// portal action on disk was tried, so a new one can't slip through unlisted.

type AnyAction = ((prev: undefined, input: FormData | Record<string, unknown>) => Promise<FormState<unknown>>) & { actionName?: string; permission?: Permission | "public" };
type Fixture = Awaited<ReturnType<typeof arrange>>;

let f: Fixture;
let attempts = 0;
const counted: string[] = [];
const triedPages = new Set<string>();
const triedRoutes = new Set<string>();
const triedActions = new Set<string>();

async function arrange() {
  await ensureSettings({ minPaymentMinor: 100 });
  const staff = await createUser({ role: "staff" });
  const actor = { id: staff.id, role: "staff" as const };
  const a = await createClientUser("Alice Isolated");
  const b = await createClientUser("Bob Private");
  const serviceId = await createService({ name: "Isolation service" });
  const bInvoice = await issuedInvoice(actor, b.clientId, [line("Bob's work", 1000, 50_000)]);
  const bPaidInvoice = await issuedInvoice(actor, b.clientId, [line("Bob's paid work", 1000, 10_000)]);
  const aInvoice = await issuedInvoice(actor, a.clientId, [line("Alice's work", 1000, 20_000)]);
  const { createDraftInvoice } = await import("@/lib/invoices/drafts");
  const bDraft = await createDraftInvoice(getDb(), {
    clientId: b.clientId,
    currency: "USD",
    issueDate: "2026-03-01",
    dueDate: "2026-03-15",
    discountMinor: 0,
    notes: null,
    lines: [line("Bob's draft", 1000, 100)],
    actor,
  });
  const aDraft = await createDraftInvoice(getDb(), {
    clientId: a.clientId,
    currency: "USD",
    issueDate: "2026-03-01",
    dueDate: "2026-03-15",
    discountMinor: 0,
    notes: null,
    lines: [line("Alice's draft", 1000, 100)],
    actor,
  });
  const bPayment = await recordPayment(getDb(), { invoiceId: bInvoice.id, amountMinor: 10_000, method: "bank_transfer", status: "succeeded", idempotencyKey: newKey(), actor });
  const bPending = await recordPayment(getDb(), { invoiceId: bInvoice.id, amountMinor: 5_000, method: "cash", status: "pending", idempotencyKey: newKey(), actor });
  await recordPayment(getDb(), { invoiceId: bPaidInvoice.id, amountMinor: 10_000, method: "card", status: "succeeded", idempotencyKey: newKey(), actor });
  const [bSub] = await getDb()
    .insert(subscriptions)
    .values({
      clientId: b.clientId,
      serviceId,
      priceMinor: 5000,
      currency: "USD",
      interval: "monthly",
      paymentMethod: "card",
      startedAt: new Date(),
      currentPeriodStart: "2026-11-01",
      currentPeriodEnd: "2026-11-30",
    })
    .$returningId();
  const [bEnding] = await getDb()
    .insert(subscriptions)
    .values({
      clientId: b.clientId,
      serviceId,
      priceMinor: 5000,
      currency: "USD",
      interval: "yearly",
      paymentMethod: "card",
      startedAt: new Date(),
      currentPeriodStart: "2026-11-01",
      currentPeriodEnd: "2027-10-31",
      cancelAtPeriodEnd: true,
    })
    .$returningId();
  return {
    a,
    b,
    serviceId,
    aInvoiceId: aInvoice.id,
    aDraftId: aDraft.id,
    bInvoiceId: bInvoice.id,
    bInvoiceNumber: bInvoice.number,
    bPaidInvoiceId: bPaidInvoice.id,
    bDraftId: bDraft.id,
    bPaymentId: bPayment.paymentId,
    bPendingId: bPending.paymentId,
    bSubscriptionId: bSub!.id,
    bEndingSubscriptionId: bEnding!.id,
  };
}

beforeAll(async () => {
  await resetDatabase();
  f = await arrange();
});

beforeEach(async () => {
  await actAs(f.a.user);
});

/** Runs one attempt and checks nothing in the database moved. */
async function attempt(label: string, run: () => Promise<void>) {
  const before = await databaseChecksum();
  await run();
  expect(await databaseChecksum()).toBe(before);
  attempts += 1;
  counted.push(label);
}

async function expectNotFound(run: Promise<unknown>) {
  const error = await run.then(
    (value) => new Error(`expected notFound(), got ${JSON.stringify(value)?.slice(0, 200)}`),
    (e: unknown) => e,
  );
  expect((error as { digest?: string }).digest).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
}

async function expectRedirectAway(run: Promise<unknown>) {
  const error = await run.then(
    () => new Error("expected a redirect"),
    (e: unknown) => e,
  );
  expect((error as { digest?: string }).digest).toMatch(/^NEXT_REDIRECT;[a-z]+;\/portal;/);
}

const props = (params: { id: string }, searchParams: Record<string, string> = {}) => ({ params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) });

// A page module as these tests call it: its default export with route props.
type PageModule = { default: (p: ReturnType<typeof props>) => Promise<unknown> };

/** Every prop value in a rendered tree (not calling components): what a page hands to its components. */
function propsIn(node: ReactNode, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => propsIn(n, out));
  else if (isValidElement(node)) {
    const p = node.props as Record<string, unknown>;
    out.push(p);
    propsIn(p.children as ReactNode, out);
  }
  return out;
}

describe("portal pages with client B's ids", () => {
  const invoicePage = () => import("@/app/(client)/portal/invoices/[id]/page");

  it("B's invoice, B's paid invoice, B's draft, A's own draft and a missing id are all notFound()", async () => {
    const { default: Page } = await invoicePage();
    for (const [label, id] of [
      ["B invoice", f.bInvoiceId],
      ["B paid invoice", f.bPaidInvoiceId],
      ["B draft", f.bDraftId],
      ["A draft (drafts are never shown)", f.aDraftId],
      ["missing id", 9_999_999],
    ] as const) {
      await attempt(`page /portal/invoices/[id] (${label})`, () => expectNotFound(Page(props({ id: String(id) }))));
    }
    triedPages.add("invoices/[id]");
    await attempt("page /portal/invoices/[id]#pay with B's id and method", () => expectNotFound(Page(props({ id: String(f.bInvoiceId) }, { method: "card", subscribed: "1" }))));
  });

  it("the invoice list ignores B's ids in the URL and lists only A's invoices", async () => {
    const { default: Page } = await import("@/app/(client)/portal/invoices/page");
    await attempt("page /portal/invoices?clientId=B&client=B", async () => {
      const tree = await Page({ searchParams: Promise.resolve({ clientId: String(f.b.clientId), client: String(f.b.clientId) }) });
      const rows = propsIn(tree).flatMap((p) => (Array.isArray(p.rows) ? (p.rows as { id: number }[]) : []));
      expect(rows.map((r) => r.id)).toEqual([f.aInvoiceId]);
    });
    await attempt("page /portal/invoices?q=<B's invoice number>", async () => {
      const tree = await Page({ searchParams: Promise.resolve({ q: f.bInvoiceNumber, status: "all" }) });
      expect(propsIn(tree).flatMap((p) => (Array.isArray(p.rows) ? p.rows : []))).toEqual([]);
    });
    triedPages.add("invoices");
  });

  it("the overview, subscriptions, services and profile pages take the client from the session only", async () => {
    const { default: Home } = await import("@/app/(client)/portal/page");
    await attempt("page /portal", async () => {
      const tree = await Home();
      expect(propsIn(tree).find((p) => "clientId" in p)?.clientId).toBe(f.a.clientId);
    });
    const { default: Subs } = await import("@/app/(client)/portal/subscriptions/page");
    await attempt("page /portal/subscriptions", async () => {
      const lists = propsIn(await Subs()).flatMap((p) => (Array.isArray(p.subscriptions) ? (p.subscriptions as { id: number }[]) : []));
      expect(lists.map((s) => s.id)).not.toContain(f.bSubscriptionId);
      expect(lists).toEqual([]);
    });
    const { default: Services } = await import("@/app/(client)/portal/services/page");
    await attempt("page /portal/services", async () => {
      const services = propsIn(await Services({ searchParams: Promise.resolve({}) })).flatMap((p) => (Array.isArray(p.services) ? (p.services as { id: number; subscribed: boolean }[]) : []));
      // B subscribes to it; A doesn't, and isn't told B does.
      expect(services.find((s) => s.id === f.serviceId)?.subscribed).toBe(false);
    });
    const { default: Profile } = await import("@/app/(client)/portal/profile/page");
    await attempt("page /portal/profile", async () => {
      const details = propsIn(await Profile())
        .map((p) => p.details as { id: number } | undefined)
        .find(Boolean);
      expect(details?.id).toBe(f.a.clientId);
    });
    for (const page of ["", "subscriptions", "services", "profile"]) triedPages.add(page);
  });

  it("B's signed invoice link shows the invoice (the link is the credential) but offers client A no Pay button", async () => {
    const { createInvoiceLink } = await import("@/lib/invoices/links");
    const url = await getDb().transaction((tx) => createInvoiceLink(tx, f.bInvoiceId, { id: f.b.user.id, role: "client" }));
    const token = url.split("/i/")[1]!;
    const { default: LinkPage } = await import("@/app/i/[token]/page");
    const before = await databaseChecksum();
    const tree = await LinkPage({ params: Promise.resolve({ token }) });
    const all = propsIn(tree);
    expect(all.some((p) => typeof p.href === "string" && (p.href as string).includes("/portal/invoices/"))).toBe(false);
    expect(all.some((p) => p.signedIn !== undefined)).toBe(false);
    // Viewing a link records the view on the link row; nothing else moves.
    expect(await databaseChecksum()).not.toBe(before);
    attempts += 1;
    counted.push("page /i/[B's token] as A: no Pay button");
    // The owner, signed in, does get one: the check above isn't vacuous.
    await actAs(f.b.user);
    const owner = propsIn(await LinkPage({ params: Promise.resolve({ token }) }));
    expect(owner.find((p) => p.signedIn === true)?.href).toBe(`/portal/invoices/${f.bInvoiceId}#pay`);
  });

  it("back-office pages for B's client and invoice send the client back to /portal", async () => {
    const pages: [string, () => Promise<unknown>, string][] = [
      ["/admin/invoices/[id]", () => import("@/app/(admin)/admin/invoices/[id]/page"), String(f.bInvoiceId)],
      ["/staff/invoices/[id]", () => import("@/app/(staff)/staff/invoices/[id]/page"), String(f.bInvoiceId)],
      ["/admin/invoices/[id]/edit", () => import("@/app/(admin)/admin/invoices/[id]/edit/page"), String(f.bDraftId)],
      ["/staff/invoices/[id]/edit", () => import("@/app/(staff)/staff/invoices/[id]/edit/page"), String(f.bDraftId)],
      ["/admin/clients/[id]", () => import("@/app/(admin)/admin/clients/[id]/page"), String(f.b.clientId)],
      ["/staff/clients/[id]", () => import("@/app/(staff)/staff/clients/[id]/page"), String(f.b.clientId)],
      ["/admin/clients/[id]/edit", () => import("@/app/(admin)/admin/clients/[id]/edit/page"), String(f.b.clientId)],
      ["/staff/clients/[id]/edit", () => import("@/app/(staff)/staff/clients/[id]/edit/page"), String(f.b.clientId)],
    ];
    for (const [route, load, id] of pages) {
      const { default: Page } = (await load()) as PageModule;
      await attempt(`page ${route} (B's id)`, () => expectRedirectAway(Page(props({ id }))));
    }
  });
});

describe("route handlers with client B's ids", () => {
  const get = (url: string) => new Request(`http://localhost:3000${url}`);

  it("answers 404 for B's invoice PDF, B's receipt, every back-office export, and a forged Stripe webhook", async () => {
    const pdf = await import("@/app/api/invoices/[id]/pdf/route");
    const receipt = await import("@/app/api/payments/[id]/receipt/route");
    const cases: [string, () => Promise<Response>][] = [
      ["GET /api/invoices/[B]/pdf", () => pdf.GET(get(`/api/invoices/${f.bInvoiceId}/pdf`), { params: Promise.resolve({ id: String(f.bInvoiceId) }) })],
      ["GET /api/invoices/[B]/pdf?download=1", () => pdf.GET(get(`/api/invoices/${f.bInvoiceId}/pdf?download=1`), { params: Promise.resolve({ id: String(f.bInvoiceId) }) })],
      ["GET /api/invoices/[B paid]/pdf", () => pdf.GET(get(`/api/invoices/${f.bPaidInvoiceId}/pdf`), { params: Promise.resolve({ id: String(f.bPaidInvoiceId) }) })],
      ["GET /api/invoices/[B draft]/pdf", () => pdf.GET(get(`/api/invoices/${f.bDraftId}/pdf`), { params: Promise.resolve({ id: String(f.bDraftId) }) })],
      ["GET /api/invoices/[B]/pdf?token=forged", () => pdf.GET(get(`/api/invoices/${f.bInvoiceId}/pdf?token=${"x".repeat(43)}`), { params: Promise.resolve({ id: String(f.bInvoiceId) }) })],
      ["GET /api/payments/[B]/receipt", () => receipt.GET(get(`/api/payments/${f.bPaymentId}/receipt`), { params: Promise.resolve({ id: String(f.bPaymentId) }) })],
      ["GET /api/payments/[B pending]/receipt", () => receipt.GET(get(`/api/payments/${f.bPendingId}/receipt`), { params: Promise.resolve({ id: String(f.bPendingId) }) })],
    ];
    const backOffice: [string, string][] = [
      ["@/app/api/invoices/export/route", `/api/invoices/export?client=${f.b.clientId}`],
      ["@/app/api/invoices/summary/route", `/api/invoices/summary?client=${f.b.clientId}`],
      ["@/app/api/invoices/zip/route", `/api/invoices/zip?ids=${f.bInvoiceId},${f.bPaidInvoiceId}`],
      ["@/app/api/invoices/client-options/route", `/api/invoices/client-options?q=Bob`],
      ["@/app/api/clients/export/route", `/api/clients/export?q=Bob`],
    ];
    for (const [mod, url] of backOffice) {
      const route = (await import(mod)) as { GET: (r: Request) => Promise<Response> };
      cases.push([`GET ${url}`, () => route.GET(get(url))]);
      triedRoutes.add(mod.replace("@/app/api/", "").replace("/route", ""));
    }
    // A client posting a made-up "paid" event for B's invoice: no signature Stripe made, so nothing (404 while Stripe isn't configured, 400 when it is).
    const stripe = await import("@/app/api/webhooks/stripe/route");
    const forgedEvent = JSON.stringify({ id: "evt_forged", type: "checkout.session.completed", data: { object: { payment_status: "paid", metadata: { invoiceId: String(f.bInvoiceId) } } } });
    cases.push([
      "POST /api/webhooks/stripe (forged paid event for B)",
      () => stripe.POST(new Request("http://localhost:3000/api/webhooks/stripe", { method: "POST", headers: { "stripe-signature": "t=1,v1=00" }, body: forgedEvent })),
    ]);
    triedRoutes.add("invoices/[id]/pdf").add("payments/[id]/receipt").add("webhooks/stripe");
    for (const [label, call] of cases) {
      await attempt(label, async () => {
        const response = await call();
        expect(response.status).toBe(404);
        expect(await response.text()).not.toContain("Bob");
      });
    }
  });
});

describe("portal server actions with client B's ids", () => {
  it("paying, emailing, cancelling and resuming B's things is 'not found', and changes nothing", async () => {
    const notFound = (what: string) => ({ ok: false, formError: `${what} was not found.` });
    const cases: [string, () => Promise<FormState<unknown>>, object][] = [
      ["payInvoice B by card", () => payInvoice(undefined, payForm(f.bInvoiceId, "10.00")), notFound("That invoice")],
      ["payInvoice B by bank transfer", () => payInvoice(undefined, payForm(f.bInvoiceId, "10.00", { method: "bank_transfer", cardNumber: "" })), notFound("That invoice")],
      ["payInvoice B by cash", () => payInvoice(undefined, payForm(f.bInvoiceId, "10.00", { method: "cash", cardNumber: "" })), notFound("That invoice")],
      ["payInvoice B's draft", () => payInvoice(undefined, payForm(f.bDraftId, "1.00")), notFound("That invoice")],
      ["payInvoice B paid invoice", () => payInvoice(undefined, payForm(f.bPaidInvoiceId, "1.00")), notFound("That invoice")],
      [
        "payAllInvoices with B's invoice in the list",
        () => payAllInvoices(undefined, form({ expected: `${f.bInvoiceId}:1000`, idempotencyKey: newKey(), cardNumber: SUCCESS_CARD, cardExpiry: "12/39", cardCvc: "123", cardName: "" })),
        notFound("That invoice"),
      ],
      ["emailMyInvoice B", () => emailMyInvoice(undefined, form({ invoiceId: String(f.bInvoiceId), cc: "", idempotencyKey: newKey() })), notFound("That invoice")],
      ["emailMyInvoice B with CC", () => emailMyInvoice(undefined, form({ invoiceId: String(f.bInvoiceId), cc: "spy@test.example", idempotencyKey: newKey() })), notFound("That invoice")],
      ["emailMyInvoice B's draft", () => emailMyInvoice(undefined, form({ invoiceId: String(f.bDraftId), cc: "", idempotencyKey: newKey() })), notFound("That invoice")],
      ["cancelSubscription B", () => cancelSubscription(undefined, form({ subscriptionId: String(f.bSubscriptionId) })), notFound("That subscription")],
      ["cancelSubscription B (ending)", () => cancelSubscription(undefined, form({ subscriptionId: String(f.bEndingSubscriptionId) })), notFound("That subscription")],
      ["resumeSubscription B (ending)", () => resumeSubscription(undefined, form({ subscriptionId: String(f.bEndingSubscriptionId) })), notFound("That subscription")],
      ["resumeSubscription B", () => resumeSubscription(undefined, form({ subscriptionId: String(f.bSubscriptionId) })), notFound("That subscription")],
      ["removeSavedCard B", () => removeSavedCard(undefined, form({ subscriptionId: String(f.bSubscriptionId) })), notFound("That subscription")],
    ];
    for (const [label, run, expected] of cases) {
      await attempt(`action ${label}`, async () => expect(await run()).toMatchObject(expected));
    }
    for (const name of ["portal.pay_invoice", "portal.pay_all_invoices", "portal.email_invoice", "portal.cancel_subscription", "portal.resume_subscription", "portal.remove_saved_card"])
      triedActions.add(name);
  });

  it("a client id smuggled into a form is ignored: the change lands on A, never on B", async () => {
    const bBefore = await getDb().select().from(subscriptions).where(eq(subscriptions.clientId, f.b.clientId));
    const to = await redirectOf(subscribeToService(undefined, { serviceId: String(f.serviceId), paymentMethod: "card", clientId: String(f.b.clientId), idempotencyKey: newKey() }));
    expect(to).toMatch(/^\/portal\/invoices\/\d+/);
    const mine = await getDb().select().from(subscriptions).where(eq(subscriptions.clientId, f.a.clientId));
    expect(mine).toHaveLength(1);
    expect(await getDb().select().from(subscriptions).where(eq(subscriptions.clientId, f.b.clientId))).toEqual(bBefore);
    // Texts need a number that takes them (A's on file is a mobile); B's record must not change either way.
    await getDb().update(clients).set({ phone: "+447911123456" }).where(eq(clients.id, f.a.clientId));
    expect(await updateBillingDetails(undefined, { company: "Alice Co", address: "", smsOptIn: "on", clientId: String(f.b.clientId), id: String(f.b.clientId) })).toMatchObject({ ok: true });
    const { getPortalClientDetails } = await import("@/db/queries/portal");
    expect(await getPortalClientDetails(f.b.clientId)).toMatchObject({ company: null, smsOptIn: false });
    expect(await getPortalClientDetails(f.a.clientId)).toMatchObject({ company: "Alice Co", smsOptIn: true });
    triedActions.add("portal.subscribe").add("portal.update_billing_details");
  });
});

describe("every back-office server action, given B's ids by a client", () => {
  // Every action on disk that a client may not call, with an input naming B's records every way the actions read ids.
  const bIds = () => ({
    id: String(f.b.clientId),
    clientId: String(f.b.clientId),
    clientIds: [String(f.b.clientId)],
    invoiceId: String(f.bInvoiceId),
    ids: [String(f.bInvoiceId), String(f.bPaidInvoiceId)],
    paymentId: String(f.bPendingId),
    subscriptionId: String(f.bSubscriptionId),
    amount: "10.00",
    method: "cash",
    reason: "isolation test",
    name: "Hijacked",
    email: "hijack@test.example",
  });

  it("is refused with the permission message and changes nothing", async () => {
    const root = path.join(process.cwd(), "lib", "actions");
    const refused: string[] = [];
    for (const area of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const file of readdirSync(path.join(root, area.name)).filter((n) => n.endsWith(".ts"))) {
        const mod = (await import(`@/lib/actions/${area.name}/${file.replace(/\.ts$/, "")}`)) as Record<string, AnyAction>;
        for (const action of Object.values(mod)) {
          if (typeof action !== "function" || !action.actionName) continue;
          // Public actions take no record ids; portal and self-service ones (profile, own second factors) are scoped to the session (tested above and in their own suites).
          if (action.permission === "public" || action.permission === "portal:use" || action.permission === "profile:self" || action.permission === "security:self") continue;
          await attempt(`action ${action.actionName} (B's ids)`, async () => {
            expect(await action(undefined, bIds())).toEqual({ ok: false, fieldErrors: {}, formError: DENIED });
          });
          refused.push(action.actionName);
        }
      }
    }
    expect(refused.length).toBeGreaterThanOrEqual(30);
  });
});

describe("nothing on disk was left out", () => {
  const walk = (dir: string, file: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name), file).map((p) => `${d.name}/${p}`) : d.name === file ? [""] : []));

  it("every portal page, API route (but sign-in's) and portal action was tried", async () => {
    const pages = walk(path.join(process.cwd(), "app", "(client)", "portal"), "page.tsx").map((p) => p.replace(/\/$/, ""));
    expect(pages.sort()).toEqual([...triedPages].sort());
    const routes = walk(path.join(process.cwd(), "app", "api"), "route.ts")
      .map((p) => p.replace(/\/$/, ""))
      .filter((p) => !p.startsWith("auth/"));
    expect(routes.sort()).toEqual([...triedRoutes].sort());
    const actions: string[] = [];
    const dir = path.join(process.cwd(), "lib", "actions", "portal");
    for (const file of readdirSync(dir)) {
      const mod = (await import(`@/lib/actions/portal/${file.replace(/\.ts$/, "")}`)) as Record<string, AnyAction>;
      for (const a of Object.values(mod)) if (typeof a === "function" && a.actionName) actions.push(a.actionName);
    }
    expect(actions.sort()).toEqual([...triedActions].sort());
  });
});

afterAll(() => {
  // The report counts these; a route added without an attempt shows here.
  console.info(`portal isolation: ${attempts} attempts, all refused or 404, database unchanged\n${counted.map((c) => `  - ${c}`).join("\n")}`);
});
