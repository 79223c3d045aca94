import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { clients } from "@/db/schema";
import { GET as invoicePdf } from "@/app/api/invoices/[id]/pdf/route";
import type { Actor } from "@/lib/actor";
import { voidInvoice } from "@/lib/invoices/void";
import { recordPayment } from "@/lib/payments";
import { BrowserPool } from "@/lib/pdf/browser-pool";
import { launchChromium } from "@/lib/pdf/chromium";
import { getInvoicePdf, renderInvoiceHtml, getPdfCache } from "@/lib/pdf/invoice-pdf";
import { completeInvoiceDocument, documentRowOf, getInvoiceDocument, succeededPaymentsOf } from "@/db/queries/invoice-document";
import { getInvoiceDetail, listInvoicePayments } from "@/db/queries/invoices";
import { getPdfPool, printPdf } from "@/lib/pdf/print";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { createClient, ensureSettings, issuedInvoice, line } from "../support/invoices";
import { pdfInfo, pdfPageToPng, pdfText } from "../support/pdf-tools";
import { actAs } from "../support/request-context";

const SHOTS = path.join(process.cwd(), "tests", ".artifacts", "pdf");
let staffUser: Awaited<ReturnType<typeof createUser>>;
let staff: Actor;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings({ companyName: "Northwind Test Studio", taxRateBp: 825 });
  staffUser = await createUser({ role: "staff" });
  staff = { id: staffUser.id, role: "staff" };
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await getPdfPool().close();
});

async function fetchPdf(id: number): Promise<Buffer> {
  await actAs(staffUser);
  const res = await invoicePdf(new Request(`http://localhost/api/invoices/${id}/pdf`), { params: Promise.resolve({ id: String(id) }) });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe("the invoice PDF", () => {
  it("is one A4 page of selectable text with the company, client, number, dates, lines, tax, totals, payments and balance", async () => {
    const client = await createClient({ name: "Harbor Bakery LLC" });
    const inv = await issuedInvoice(staff, client.id, [line("Brand identity workshop", 1000, 1_200_00, 825), line("Mileage (miles)", 42_500, 67)], { issueDate: "2026-04-02", dueDate: "2026-04-16" });
    await recordPayment(getDb(), { invoiceId: inv.id, amountMinor: 500_00, method: "bank_transfer", reference: "WIRE-7781", status: "succeeded", idempotencyKey: "pdf-1", actor: staff });
    const pdf = await fetchPdf(inv.id);
    const info = pdfInfo(pdf);
    expect(info.Pages).toBe("1");
    expect(info["Page size"]).toContain("(A4)");
    const text = pdfText(pdf);
    for (const expected of [
      "Northwind Test Studio",
      "Harbor Bakery LLC",
      inv.number,
      "Apr 2, 2026",
      "Apr 16, 2026",
      "Brand identity workshop",
      "42.5",
      "$1,228.48",
      "Tax",
      "$99.00",
      "$1,327.48",
      "WIRE-7781",
      "$500.00",
      "Balance due",
      "$827.48",
    ]) {
      expect(text).toContain(expected);
    }
    expect(pdfText(pdf, undefined, false)).not.toMatch(/^(PAID|VOID)$/m);
    pdfPageToPng(pdf, 1, path.join(SHOTS, "invoice-one-page.png"));
  });

  it("carries a PAID mark once paid and a VOID mark once void", async () => {
    const client = await createClient({ name: "Paid Up Ltd" });
    const paid = await issuedInvoice(staff, client.id, [line("Audit", 1000, 350_00)]);
    await recordPayment(getDb(), { invoiceId: paid.id, amountMinor: 350_00, method: "card", status: "succeeded", idempotencyKey: "pdf-2", actor: staff });
    const paidPdf = await fetchPdf(paid.id);
    expect(pdfText(paidPdf, undefined, false)).toMatch(/^PAID$/m);
    expect(pdfText(paidPdf)).toMatch(/Balance due\s+\$0\.00/);
    const voided = await issuedInvoice(staff, client.id);
    await voidInvoice(getDb(), { invoiceId: voided.id, reason: "Issued twice by mistake", actor: staff });
    const voidPdf = await fetchPdf(voided.id);
    expect(pdfText(voidPdf, undefined, false)).toMatch(/^VOID$/m);
    expect(pdfText(voidPdf)).toContain("Issued twice by mistake");
    pdfPageToPng(voidPdf, 1, path.join(SHOTS, "invoice-void.png"));
  });

  it("breaks a 200-line invoice across pages and repeats the table header on each", async () => {
    const client = await createClient({ name: "Long Invoice Inc" });
    const lines = Array.from({ length: 200 }, (_, i) => line(`Support ticket #${1000 + i}: investigation and fix`, 1000 + (i % 4) * 250, 45_00 + i, 825));
    const inv = await issuedInvoice(staff, client.id, lines);
    const pdf = await fetchPdf(inv.id);
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThanOrEqual(5);
    for (let p = 1; p <= pages - 1; p++) {
      const text = pdfText(pdf, { first: p, last: p });
      expect([p, text.includes("DESCRIPTION") && text.includes("AMOUNT")]).toEqual([p, true]);
      expect(text).toContain(`Page ${p} of ${pages}`);
    }
    const all = pdfText(pdf);
    expect(all).toContain("Support ticket #1000");
    expect(all).toContain("Support ticket #1199");
    // No row is split across a page break: every line number appears exactly once.
    for (const n of [1000, 1050, 1123, 1199]) expect(all.split(`#${n}:`).length - 1).toBe(1);
    pdfPageToPng(pdf, 2, path.join(SHOTS, "invoice-200-lines-page-2.png"));
  });

  it("is cached by invoice version: a hit is instant, a change renders a new one", async () => {
    const client = await createClient({ name: "Cache Co" });
    const inv = await issuedInvoice(staff, client.id, [line("Work", 1000, 100_00)]);
    const first = await getInvoicePdf(inv.id);
    const again = await getInvoicePdf(inv.id);
    expect(first!.cached).toBe(false);
    expect(again!.cached).toBe(true);
    expect(again!.pdf).toBe(first!.pdf);
    await recordPayment(getDb(), { invoiceId: inv.id, amountMinor: 40_00, method: "cash", status: "succeeded", idempotencyKey: "pdf-3", actor: staff });
    const after = await getInvoicePdf(inv.id);
    expect(after!.cached).toBe(false);
    expect(after!.version).toBe(first!.version + 1);
    expect(pdfText(after!.pdf)).toMatch(/Balance due\s+\$60\.00/);

    // The bill-to block is the client's row today, as on the invoice page: a new address prints anew.
    await getDb().update(clients).set({ address: "12 New Street, Springfield" }).where(eq(clients.id, client.id));
    const moved = await getInvoicePdf(inv.id);
    expect(moved!.cached).toBe(false);
    expect(moved!.version).toBe(after!.version);
    expect(pdfText(moved!.pdf)).toContain("12 New Street, Springfield");
    expect((await getInvoicePdf(inv.id))!.cached).toBe(true);
  });

  it("is the same document the back-office invoice page builds from its own reads of the invoice and its payments", async () => {
    const client = await createClient({ name: "Pier Nine Cafe", phone: "+15035550123" });
    const inv = await issuedInvoice(staff, client.id, [line("Espresso machine service", 1000, 300_00, 825), line("Parts", 2000, 25_00)], { issueDate: "2026-05-01", dueDate: "2026-05-15" });
    const pay = (key: string, amountMinor: number, status: "succeeded" | "pending", receivedAt?: Date) =>
      recordPayment(getDb(), { invoiceId: inv.id, amountMinor, method: "bank_transfer", reference: key, status, receivedAt, idempotencyKey: key, actor: staff });
    // Recorded out of the order the money arrived in, and one still pending: the document lists succeeded ones by when they arrived.
    await pay("late", 50_00, "succeeded", new Date("2026-05-09T09:00:00Z"));
    await pay("early", 20_00, "succeeded", new Date("2026-05-03T09:00:00Z"));
    await pay("waiting", 10_00, "pending");
    const [detail, payments] = await Promise.all([getInvoiceDetail(inv.id), listInvoicePayments(inv.id)]);
    const built = await completeInvoiceDocument(documentRowOf(detail!, detail!.client), succeededPaymentsOf(payments));
    const read = await getInvoiceDocument(inv.id);
    expect(built).toEqual(read);
    expect(built.payments.map((p) => p.reference)).toEqual(["early", "late"]);
    // Exactly the document's fields: the page's wider row adds nothing to it.
    expect(Object.keys(built.invoice).sort()).toEqual(Object.keys(read!.invoice).sort());
    expect(Object.keys(built.client).sort()).toEqual(["address", "company", "email", "name", "phone"]);
  });

  it("renders the same React document the HTML view shows, self-contained", async () => {
    const client = await createClient({ name: "Self Contained" });
    const inv = await issuedInvoice(staff, client.id);
    const html = await renderInvoiceHtml((await getInvoiceDocument(inv.id))!);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('class="invoice-doc"');
    expect(html).toContain("@font-face");
    expect(html).not.toMatch(/(?:src|href)=["']https?:/);
    expect(html).not.toMatch(/url\(["']?https?:/);
  });
});

describe("the browser pool", () => {
  let hits = 0;
  let server: Server;
  let launched: Browser[] = [];
  let pool: BrowserPool;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits += 1;
      res.end("nope");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    pool = new BrowserPool({
      size: 2,
      launch: async () => {
        const browser = await launchChromium(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
        launched.push(browser);
        return browser;
      },
      prepare: (page) => page.setContent('<!doctype html><html><head><style id="page-rules"></style></head><body></body></html>').then(() => undefined),
      acquireTimeoutMs: 60_000,
      printTimeoutMs: 60_000,
      maxPrintsPerPage: 100,
    });
  });

  afterAll(async () => {
    await pool.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it("lets nothing leave the machine: a remote reference in a document is blocked, not fetched", async () => {
    const { port } = server.address() as AddressInfo;
    const doc = { title: "Probe", footerLabel: "Probe", bodyHtml: `<p>Hello</p><img src="http://127.0.0.1:${port}/logo.png"><link rel="stylesheet" href="http://127.0.0.1:${port}/x.css">` };
    const pdf = await printPdf(doc, { pool });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(hits).toBe(0);
    expect(pool.stats().blockedRequests).toBeGreaterThanOrEqual(2);
  });

  it("launches one browser lazily, never opens more pages than its size, and reuses them", async () => {
    const html = { title: "Probe", footerLabel: "Probe", bodyHtml: "<h1>Concurrency</h1>" };
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, pool.stats().open)), 1);
    await Promise.all(Array.from({ length: 8 }, () => printPdf(html, { pool })));
    clearInterval(timer);
    expect(peak).toBeLessThanOrEqual(2);
    expect(pool.stats()).toMatchObject({ launches: 1, open: 2, idle: 2, waiting: 0 });
  });

  it("relaunches after the browser crashes", async () => {
    launched[0]!.process()!.kill("SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pdf = await printPdf({ title: "Probe", footerLabel: "Probe", bodyHtml: "<h1>After the crash</h1>" }, { pool });
    expect(pdfText(pdf)).toContain("After the crash");
    expect(pool.stats().launches).toBe(2);
    expect(launched).toHaveLength(2);
    // The module-level pool is independent of this one.
    expect(getPdfCache()).toBeDefined();
    launched = launched.slice(1);
  });
});
