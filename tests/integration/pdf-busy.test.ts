import { GET as invoicePdf } from "@/app/api/invoices/[id]/pdf/route";
import { GET as zipRoute } from "@/app/api/invoices/zip/route";
import { GET as receiptPdf } from "@/app/api/payments/[id]/receipt/route";
import { getDb } from "@/db";
import type { Actor } from "@/lib/actor";
import { env } from "@/lib/env";
import { reissueInvoiceLink } from "@/lib/invoices/links";
import { recordPayment } from "@/lib/payments";
import { getPdfPool } from "@/lib/pdf/print";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { createClient, ensureSettings, issuedInvoice } from "../support/invoices";
import { deferred } from "../support/load";
import { actAs } from "../support/request-context";

// Read when the app's pool is made, on the first print: callers here give up
// waiting for a page after 300 ms instead of the default 15 s.
process.env.PDF_ACQUIRE_TIMEOUT_MS = "300";

let staffUser: Awaited<ReturnType<typeof createUser>>;
let invoice: { id: number; number: string };
let paymentId: number;
let token: string;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings();
  staffUser = await createUser({ role: "staff" });
  const staff: Actor = { id: staffUser.id, role: "staff" };
  invoice = await issuedInvoice(staff, (await createClient({ name: "Patient Client" })).id);
  paymentId = (await recordPayment(getDb(), { invoiceId: invoice.id, amountMinor: 10_00, method: "cash", status: "succeeded", idempotencyKey: "busy-1", actor: staff })).paymentId;
  token = (await reissueInvoiceLink(getDb(), { invoiceId: invoice.id, actor: staff })).url.split("/i/")[1]!;
});

afterAll(async () => {
  await getPdfPool().close();
});

const req = (path: string) => new Request(`http://localhost:3000${path}`);
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

/** Each route that prints, called as someone allowed to read the invoice. */
function routes(): [string, () => Promise<Response>][] {
  const asStaff = (call: () => Promise<Response>) => async () => {
    await actAs(staffUser);
    return call();
  };
  return [
    ["invoice PDF", asStaff(() => invoicePdf(req(`/api/invoices/${invoice.id}/pdf`), params(invoice.id)))],
    ["receipt", asStaff(() => receiptPdf(req(`/api/payments/${paymentId}/receipt`), params(paymentId)))],
    [
      "signed-link PDF",
      async () => {
        await actAs(null);
        return invoicePdf(req(`/api/invoices/${invoice.id}/pdf?token=${token}`), params(invoice.id));
      },
    ],
    ["ZIP", asStaff(() => zipRoute(req(`/api/invoices/zip?ids=${invoice.id}`)))],
  ];
}

describe("when every printer page stays busy", () => {
  it("each PDF route answers 503 with Retry-After and a short plain message, then 200 once a page is free", async () => {
    expect(env().PDF_ACQUIRE_TIMEOUT_MS).toBe(300);
    const pool = getPdfPool();
    const holding = [deferred(), deferred()];
    const release = deferred();
    const holders = holding.map((held) =>
      pool.withPage(async () => {
        held.resolve();
        await release.promise;
      }),
    );
    await Promise.all(holding.map((held) => held.promise));
    expect(pool.stats()).toMatchObject({ size: 2, open: 2, idle: 0 });
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    for (const [label, call] of routes()) {
      const res = await call();
      expect([label, res.status, res.headers.get("retry-after"), res.headers.get("content-type"), await res.text()]).toEqual([
        label,
        503,
        "5",
        "text/plain; charset=utf-8",
        "The printer is busy. Try again in a moment.",
      ]);
    }
    // The server log says why, for whoever looks after the machine.
    expect(warn.mock.calls).toEqual(Array.from({ length: 4 }, () => ["[pdf] answered 503: No PDF page came free within 300 ms"]));
    warn.mockRestore();
    release.resolve();
    await Promise.all(holders);
    for (const [label, call] of routes()) {
      const res = await call();
      expect([label, res.status]).toEqual([label, 200]);
      await res.arrayBuffer();
    }
  });
});
