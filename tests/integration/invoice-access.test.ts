import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { getDb } from "@/db";
import { invoiceLinks, invoices } from "@/db/schema";
import { GET as invoicePdf } from "@/app/api/invoices/[id]/pdf/route";
import { GET as receiptPdf } from "@/app/api/payments/[id]/receipt/route";
import { GET as zipRoute } from "@/app/api/invoices/zip/route";
import { GET as exportRoute } from "@/app/api/invoices/export/route";
import PublicInvoicePage from "@/app/i/[token]/page";
import StaffInvoicePage from "@/app/(staff)/staff/invoices/[id]/page";
import { DENIED } from "@/lib/actions/define-action";
import { emailInvoice } from "@/lib/actions/invoices/email-invoice";
import { issueInvoice as issueAction } from "@/lib/actions/invoices/issue-invoice";
import { voidInvoice as voidAction } from "@/lib/actions/invoices/void-invoice";
import { reissueInvoiceLink as reissueAction } from "@/lib/actions/invoices/reissue-invoice-link";
import { recordPayment as recordAction } from "@/lib/actions/payments/record-payment";
import { refundPayment as refundAction } from "@/lib/actions/payments/refund-payment";
import { NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/actor";
import { createDraftInvoice } from "@/lib/invoices/drafts";
import { issueInvoice } from "@/lib/invoices/issue";
import { createInvoiceLink, recordLinkView, reissueInvoiceLink, resolveInvoiceLink, revokeInvoiceLinks } from "@/lib/invoices/links";
import { recordPayment, rejectPayment } from "@/lib/payments";
import { getPdfPool } from "@/lib/pdf/print";
import { resetDatabase } from "../support/db";
import { createClientUser, createUser } from "../support/factories";
import { draft, ensureSettings, issuedInvoice, line } from "../support/invoices";
import { actAs } from "../support/request-context";

let staffUser: Awaited<ReturnType<typeof createUser>>;
let staff: Actor;
let alice: Awaited<ReturnType<typeof createClientUser>>;
let bob: Awaited<ReturnType<typeof createClientUser>>;
let aliceInvoice: { id: number; number: string };
let aliceDraft: number;
let alicePayment: number;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings();
  staffUser = await createUser({ role: "staff" });
  staff = { id: staffUser.id, role: "staff" };
  alice = await createClientUser("Alice Client");
  bob = await createClientUser("Bob Client");
  aliceInvoice = await issuedInvoice(staff, alice.clientId, [line("Alice's work", 1000, 300_00)]);
  aliceDraft = (await createDraftInvoice(getDb(), { ...draft(alice.clientId), actor: staff })).id;
  alicePayment = (await recordPayment(getDb(), { invoiceId: aliceInvoice.id, amountMinor: 100_00, method: "cash", status: "succeeded", idempotencyKey: "access-1", actor: staff })).paymentId;
});

afterAll(async () => {
  await getPdfPool().close();
});

const params = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const req = (path: string) => new Request(`http://localhost:3000${path}`);

describe("signed links", () => {
  it("resolve only with the exact token, until they expire or are revoked", async () => {
    const url = await getDb().transaction((tx) => createInvoiceLink(tx, aliceInvoice.id, staff));
    const token = url.split("/i/")[1]!;
    expect(url).toMatch(/^http:\/\/.+\/i\/[A-Za-z0-9_-]{43}$/);
    expect(await resolveInvoiceLink(getDb(), token)).toMatchObject({ state: "valid", invoiceId: aliceInvoice.id });
    // Tampered: one character changed, truncated, or junk.
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    for (const bad of [flipped, token.slice(0, -2), "not-a-token", `${token}x`]) expect(await resolveInvoiceLink(getDb(), bad)).toBeNull();
    // The database holds only the hash.
    expect(await getDb().select().from(invoiceLinks).where(eq(invoiceLinks.tokenHash, token))).toEqual([]);
    expect(await resolveInvoiceLink(getDb(), token, new Date(Date.now() + 61 * 86_400_000))).toMatchObject({ state: "expired" });
    await revokeInvoiceLinks(getDb(), { invoiceId: aliceInvoice.id, actor: staff });
    expect(await resolveInvoiceLink(getDb(), token)).toMatchObject({ state: "revoked" });
  });

  it("records the first view once and keeps it", async () => {
    const { url } = await reissueInvoiceLink(getDb(), { invoiceId: aliceInvoice.id, actor: staff });
    const link = (await resolveInvoiceLink(getDb(), url.split("/i/")[1]!))!;
    await recordLinkView(getDb(), link.linkId, new Date("2026-05-01T10:00:00Z"));
    await recordLinkView(getDb(), link.linkId, new Date("2026-05-02T10:00:00Z"));
    const [row] = await getDb().select().from(invoiceLinks).where(eq(invoiceLinks.id, link.linkId));
    expect(row!.firstViewedAt).toEqual(new Date("2026-05-01T10:00:00Z"));
    expect(row!.lastViewedAt).toEqual(new Date("2026-05-02T10:00:00Z"));
  });

  it("the public page shows the invoice for a valid token, a clear page when expired or revoked, and 404 when tampered", async () => {
    await actAs(null);
    const { url } = await reissueInvoiceLink(getDb(), { invoiceId: aliceInvoice.id, actor: staff });
    const token = url.split("/i/")[1]!;
    const page = (t: string) => PublicInvoicePage({ params: Promise.resolve({ token: t }) });
    const html = renderToStaticMarkup(await page(token));
    expect(html).toContain(aliceInvoice.number);
    expect(html).toContain("Balance due");
    expect(html).toContain("$200.00");
    expect(html).toContain(`/api/invoices/${aliceInvoice.id}/pdf?token=`);
    await expect(page(token.slice(0, -1) + "_")).rejects.toMatchObject({ digest: expect.stringContaining("404") });

    await getDb()
      .update(invoiceLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invoiceLinks.invoiceId, aliceInvoice.id));
    expect(renderToStaticMarkup(await page(token))).toContain("This invoice link has expired");
    await getDb()
      .update(invoiceLinks)
      .set({ expiresAt: new Date(Date.now() + 86_400_000), revokedAt: new Date() })
      .where(eq(invoiceLinks.invoiceId, aliceInvoice.id));
    const revoked = renderToStaticMarkup(await page(token));
    expect(revoked).toContain("This invoice link has been turned off");
    expect(revoked).not.toContain(aliceInvoice.number);
  });
});

describe("the PDF route checks access first and answers 404 to everyone else", () => {
  it("serves staff, the owning client and a valid link", async () => {
    await actAs(staffUser);
    const res = await invoicePdf(req(`/api/invoices/${aliceInvoice.id}/pdf`), params(aliceInvoice.id));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    await actAs(alice.user);
    expect((await invoicePdf(req(`/api/invoices/${aliceInvoice.id}/pdf`), params(aliceInvoice.id))).status).toBe(200);

    await actAs(null);
    const { url } = await reissueInvoiceLink(getDb(), { invoiceId: aliceInvoice.id, actor: staff });
    const token = url.split("/i/")[1]!;
    const viaLink = await invoicePdf(req(`/api/invoices/${aliceInvoice.id}/pdf?token=${token}`), params(aliceInvoice.id));
    expect(viaLink.status).toBe(200);
    expect(viaLink.headers.get("x-pdf-cache")).toBe("hit");
  });

  it("404s another client, the anonymous, a tampered or revoked token, a token for another invoice, a draft for its client and a missing id", async () => {
    const bobInvoice = await issuedInvoice(staff, bob.clientId);
    const { url } = await reissueInvoiceLink(getDb(), { invoiceId: bobInvoice.id, actor: staff });
    const bobToken = url.split("/i/")[1]!;
    const cases: [string, Parameters<typeof actAs>[0], string, number][] = [
      ["bob reads alice's invoice", bob.user, "", aliceInvoice.id],
      ["anonymous", null, "", aliceInvoice.id],
      ["bob's token used on alice's invoice", null, `?token=${bobToken}`, aliceInvoice.id],
      ["tampered token", null, `?token=${bobToken.slice(0, -1)}x`, bobInvoice.id],
      ["alice reads her own draft", alice.user, "", aliceDraft],
      ["a missing id", staffUser, "", 999_999],
      ["a malformed id", staffUser, "", Number.NaN],
    ];
    for (const [label, who, query, id] of cases) {
      await actAs(who);
      const res = await invoicePdf(req(`/api/invoices/${id}/pdf${query}`), params(Number.isNaN(id) ? "12abc" : id));
      expect([label, res.status]).toEqual([label, 404]);
    }
    await revokeInvoiceLinks(getDb(), { invoiceId: bobInvoice.id, actor: staff });
    await actAs(null);
    expect((await invoicePdf(req(`/api/invoices/${bobInvoice.id}/pdf?token=${bobToken}`), params(bobInvoice.id))).status).toBe(404);
  });

  it("the receipt, ZIP and CSV routes follow the same rule", async () => {
    await actAs(bob.user);
    expect((await receiptPdf(req(`/api/payments/${alicePayment}/receipt`), params(alicePayment))).status).toBe(404);
    expect((await zipRoute(req(`/api/invoices/zip?ids=${aliceInvoice.id}`))).status).toBe(404);
    expect((await exportRoute(req(`/api/invoices/export`))).status).toBe(404);
    await actAs(alice.user);
    const own = await receiptPdf(req(`/api/payments/${alicePayment}/receipt`), params(alicePayment));
    expect(own.status).toBe(200);
    expect(own.headers.get("content-disposition")).toContain("attachment");
  });

  it("a payment that never arrived has no receipt, for its client, staff or a link holder", async () => {
    const pending = (
      await recordPayment(getDb(), { invoiceId: aliceInvoice.id, amountMinor: 50_00, method: "bank_transfer", reference: null, status: "pending", idempotencyKey: "access-pending", actor: staff })
    ).paymentId;
    const failed = (
      await recordPayment(getDb(), { invoiceId: aliceInvoice.id, amountMinor: 50_00, method: "bank_transfer", reference: null, status: "pending", idempotencyKey: "access-failed", actor: staff })
    ).paymentId;
    await rejectPayment(getDb(), { paymentId: failed, reason: "Never arrived", actor: staff });
    const { url } = await reissueInvoiceLink(getDb(), { invoiceId: aliceInvoice.id, actor: staff });
    const token = url.split("/i/")[1]!;
    for (const who of [alice.user, staffUser, null]) {
      await actAs(who);
      const query = who ? "" : `?token=${token}`;
      for (const id of [pending, failed]) expect((await receiptPdf(req(`/api/payments/${id}/receipt${query}`), params(id))).status).toBe(404);
      expect((await receiptPdf(req(`/api/payments/${alicePayment}/receipt${query}`), params(alicePayment))).status).toBe(200);
    }
  });
});

describe("the back-office invoice page", () => {
  const page = (id: string) => StaffInvoicePage({ params: Promise.resolve({ id }) });

  it("sends a client elsewhere without reading the invoice, and answers 404 for a missing or malformed id", async () => {
    await actAs(bob.user);
    await expect(page(String(aliceInvoice.id))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/portal/) });
    await actAs(staffUser);
    await expect(page("12abc")).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    // The page hands over to the shared InvoiceDetail server component; run it one level down.
    const detail = async (id: string) => {
      const element = (await page(id)) as { type: (props: unknown) => Promise<unknown>; props: unknown };
      return element.type(element.props);
    };
    await expect(detail("999999")).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    const tree = (await detail(String(aliceInvoice.id))) as { props: { children: { props: { title: string } }[] } };
    expect(tree.props.children[0]!.props.title).toBe(aliceInvoice.number);
  });
});

describe("actions on another client's invoice", () => {
  it("client-scoped domain calls answer 'not found' and change nothing", async () => {
    const before = (await getDb().select().from(invoices).where(eq(invoices.id, aliceInvoice.id)))[0];
    await expect(
      recordPayment(getDb(), {
        invoiceId: aliceInvoice.id,
        amountMinor: 10_00,
        method: "card",
        status: "succeeded",
        idempotencyKey: "bob-tries",
        actor: { id: bob.user.id, role: "client" },
        clientScope: bob.clientId,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(issueInvoice(getDb(), { invoiceId: aliceDraft, actor: { id: bob.user.id, role: "client" }, clientScope: bob.clientId })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getDb().select().from(invoices).where(eq(invoices.id, aliceInvoice.id)))[0]).toEqual(before);
  });

  it("every back-office action refuses a client with the same answer for any id, existing or not", async () => {
    await actAs(bob.user);
    for (const id of [aliceInvoice.id, 999_999]) {
      const answers = await Promise.all([
        issueAction(undefined, { invoiceId: id }),
        voidAction(undefined, { invoiceId: id, reason: "Because I can" }),
        reissueAction(undefined, { invoiceId: id }),
        emailInvoice(undefined, { invoiceId: id, to: "bob@example.com", cc: "", bcc: "", subject: "x", message: "", idempotencyKey: "abcdefgh" }),
        recordAction(undefined, { invoiceId: id, amount: "10", method: "cash", reference: "", receivedOn: "2026-01-01", idempotencyKey: "abcdefgh" }),
        refundAction(undefined, { paymentId: id, refundableMinor: 0 }),
      ]);
      for (const a of answers) expect(a).toEqual({ ok: false, fieldErrors: {}, formError: DENIED });
    }
  });

  it("staff get a plain 'not found' for a missing invoice", async () => {
    await actAs(staffUser);
    const res = await recordAction(undefined, { invoiceId: 999_999, amount: "10", method: "cash", reference: "", receivedOn: "2026-01-01", idempotencyKey: "abcdefgh" });
    expect(res).toMatchObject({ ok: false, formError: "That invoice was not found." });
  });
});
