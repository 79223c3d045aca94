import { inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { invoices } from "@/db/schema";
import { rebuildRollups } from "@/lib/rollups/rebuild";
import { ensureSettingsRow, insertClient, insertFailedStripeEvent, insertInvoice, insertPayment } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createClientUser, createUser } from "../support/factories";
import { renderPage } from "../support/render-page";
import { actAs } from "../support/request-context";

// A page number past the end of a paginated list that has rows goes to the
// list's last page, with the filters, sort and search kept, instead of showing
// the list's empty state ("No invoices yet") beside rows that exist. An empty
// list, a filter that matches nothing and a malformed page keep what they
// showed. And a client's page says how many invoices and payments it leaves
// out past the newest 50.

const pages = {
  staffInvoices: () => import("@/app/(staff)/staff/invoices/page"),
  adminInvoices: () => import("@/app/(admin)/admin/invoices/page"),
  staffClients: () => import("@/app/(staff)/staff/clients/page"),
  staffUnpaid: () => import("@/app/(staff)/staff/unpaid/page"),
  staffPayments: () => import("@/app/(staff)/staff/payments/page"),
  portalInvoices: () => import("@/app/(client)/portal/invoices/page"),
  staffClient: () => import("@/app/(staff)/staff/clients/[id]/page"),
};

let staff: Awaited<ReturnType<typeof createUser>>;
let owing: { clientId: number; invoiceId: number }[];

beforeAll(async () => {
  await resetDatabase();
  await ensureSettingsRow();
  staff = await createUser({ role: "staff" });
  // 30 clients, each owing one overdue invoice: 30 invoices (two pages of 25), 30 unpaid clients.
  owing = [];
  for (let i = 0; i < 30; i++) {
    const client = await insertClient({ name: `Owing ${String(i).padStart(2, "0")}` });
    owing.push({ clientId: client.id, invoiceId: (await insertInvoice(client.id)).id });
  }
  // Raw rows skip the rollups the unfiltered invoice count reads.
  await rebuildRollups(getDb());
});

beforeEach(async () => {
  await actAs(staff);
});

describe("back-office invoices", () => {
  it("page 9 of 30 invoices goes to page 2 instead of 'No invoices yet', on both areas", async () => {
    expect(await renderPage(pages.staffInvoices, { page: "9" })).toMatchObject({ redirect: "/staff/invoices?page=2" });
    const admin = await createUser({ role: "admin" });
    await actAs(admin);
    expect(await renderPage(pages.adminInvoices, { page: "9" })).toMatchObject({ redirect: "/admin/invoices?page=2" });
  });

  it("keeps the filters, the sort and the search on the way", async () => {
    const { redirect } = await renderPage(pages.staffInvoices, { status: "overdue", sort: "-total", q: "T-", page: "40" });
    expect(redirect).toBe("/staff/invoices?status=overdue&sort=-total&q=T-&page=2");
  });

  it("leaves the last page, page 1, a malformed page and a search that matches nothing as they were", async () => {
    const last = await renderPage(pages.staffInvoices, { page: "2" });
    expect(last.redirect).toBeNull();
    expect(last.html).toContain("Showing 26–30 of 30 invoices");
    expect((await renderPage(pages.staffInvoices, { page: "1" })).redirect).toBeNull();
    for (const page of ["abc", "0", "-3", "02"]) expect((await renderPage(pages.staffInvoices, { page })).redirect).toBeNull();
    const none = await renderPage(pages.staffInvoices, { q: "no-such-invoice", page: "3" });
    expect(none.redirect).toBeNull();
    expect(none.html).toContain("No invoices match");
  });
});

describe("back-office clients and card payments", () => {
  it("a client page past the end goes to the last one, search kept", async () => {
    expect((await renderPage(pages.staffClients, { q: "Owing", sort: "name", page: "5" })).redirect).toBe("/staff/clients?q=Owing&sort=name&page=2");
    expect((await renderPage(pages.staffClients, { q: "Owing", sort: "name", page: "2" })).redirect).toBeNull();
  });

  it("a card-payments page past the end goes to the view's last page", async () => {
    const [a, b] = owing;
    await insertPayment(a!.invoiceId, a!.clientId, { provider: "stripe", providerRef: "cs_list_pages_1" });
    await insertPayment(b!.invoiceId, b!.clientId, { provider: "stripe", providerRef: "cs_list_pages_2" });
    await insertFailedStripeEvent({ type: "payment_intent.succeeded", object: { id: "pi_list_pages" } });
    expect((await renderPage(pages.staffPayments, { page: "4" })).redirect).toBe("/staff/payments?page=1");
    expect((await renderPage(pages.staffPayments, { view: "events", page: "2" })).redirect).toBe("/staff/payments?view=events&page=1");
    // Nothing to refund: that view is empty and keeps saying so.
    const refunds = await renderPage(pages.staffPayments, { view: "refunds", page: "2" });
    expect(refunds.redirect).toBeNull();
    expect(refunds.html).toContain("Nothing to refund");
  });
});

describe("back-office unpaid clients", () => {
  afterAll(async () => {
    await getDb()
      .update(invoices)
      .set({ status: "sent", amountPaidMinor: 0 })
      .where(
        inArray(
          invoices.id,
          owing.map((o) => o.invoiceId),
        ),
      );
  });

  it("page 2 goes to page 1 once payments shrink the list to one page, instead of 'Everyone is paid up'", async () => {
    expect((await renderPage(pages.staffUnpaid, { filter: "overdue", sort: "name", page: "2" })).redirect).toBeNull();
    await getDb()
      .update(invoices)
      .set({ status: "paid", amountPaidMinor: 10_000 })
      .where(
        inArray(
          invoices.id,
          owing.slice(0, 5).map((o) => o.invoiceId),
        ),
      );
    expect((await renderPage(pages.staffUnpaid, { filter: "overdue", sort: "name", page: "2" })).redirect).toBe("/staff/unpaid?filter=overdue&sort=name&page=1");
  });
});

describe("portal invoices", () => {
  it("page 3 of a client's 25 invoices goes to page 2 instead of 'No invoices yet'; another client's empty list stays empty", async () => {
    const client = await createClientUser("Many Invoices");
    for (let i = 0; i < 25; i++) await insertInvoice(client.clientId);
    await actAs(client.user);
    expect((await renderPage(pages.portalInvoices, { status: "all", page: "3" })).redirect).toBe("/portal/invoices?status=all&page=2");
    const last = await renderPage(pages.portalInvoices, { status: "all", page: "2" });
    expect(last.redirect).toBeNull();
    expect(last.html).toContain("Showing 21–25 of 25");
    expect((await renderPage(pages.portalInvoices, { status: "paid", page: "3" })).html).toContain("No invoices match");

    const newcomer = await createClientUser("No Invoices");
    await actAs(newcomer.user);
    const empty = await renderPage(pages.portalInvoices, { page: "3" });
    expect(empty.redirect).toBeNull();
    expect(empty.html).toContain("No invoices yet");
  });
});

describe("a client's page", () => {
  it("says how many invoices and payments it leaves out past the newest 50, and links to all the invoices", async () => {
    const client = await insertClient({ name: "Long History" });
    for (let i = 0; i < 52; i++) {
      const invoice = await insertInvoice(client.id, { status: "paid", paidMinor: 10_000 });
      await insertPayment(invoice.id, client.id, { status: "succeeded", amountMinor: 10_000 });
    }
    await insertPayment((await insertInvoice(client.id)).id, client.id);
    const { html } = await renderPage(pages.staffClient, {}, { id: String(client.id) });
    expect(html).toContain("Showing the newest 50 of 53 invoices.");
    expect(html).toContain(`href="/staff/invoices?client=${client.id}"`);
    expect(html).toContain("Showing the newest 50 of 53 payments.");
  });

  it("says nothing of the kind when everything fits", async () => {
    const { clientId, invoiceId } = owing[10]!;
    await insertPayment(invoiceId, clientId);
    const { html } = await renderPage(pages.staffClient, {}, { id: String(clientId) });
    expect(html).not.toContain("Showing the newest");
  });
});
