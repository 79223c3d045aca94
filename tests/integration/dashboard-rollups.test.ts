import { getDb } from "@/db";
import { getPeriodTotals, getReceivablesAging, receivablesTotals } from "@/db/queries/dashboard";
import { createClient as createClientRecord } from "@/lib/clients/client-records";
import { businessDay } from "@/lib/dates";
import type { Actor } from "@/lib/actor";
import { voidInvoice } from "@/lib/invoices/void";
import { recordPayment } from "@/lib/payments";
import { findRollupDrift } from "@/lib/rollups/rebuild";
import { clientSchema } from "@/lib/validation/clients";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { ensureSettings, issuedInvoice, line } from "../support/invoices";

// Many money changes at once on invoices that share rollup rows (same
// currency, issue date, due date and status): each transaction adds to the
// same counters, so none may be lost or counted twice, and none may fail.

let staff: Actor;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings();
  const user = await createUser({ role: "staff" });
  staff = { id: user.id, role: "staff", ip: "127.0.0.1" };
});

describe("rollups under concurrent changes", () => {
  it("clients created at once all count, on one new row for the day", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => createClientRecord(getDb(), clientSchema.parse({ name: `Concurrent ${i}`, currency: "USD" }), { id: staff.id, role: "staff" })),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await findRollupDrift(getDb())).toEqual([]);
  });

  it("twenty payments and five voids at once, on invoices sharing one rollup row, add up exactly", async () => {
    const client = await createClientRecord(getDb(), clientSchema.parse({ name: "Shared Row Ltd", currency: "USD" }), { id: staff.id, role: "staff" });
    const ids: number[] = [];
    for (let i = 0; i < 25; i++) ids.push((await issuedInvoice(staff, client.id, [line("Work", 1000, 100_00)], { issueDate: "2026-03-01", dueDate: "2026-03-15" })).id);
    const results = await Promise.allSettled([
      ...ids
        .slice(0, 20)
        .map((invoiceId, i) => recordPayment(getDb(), { invoiceId, amountMinor: i % 2 ? 100_00 : 25_00, method: "cash", status: "succeeded", idempotencyKey: `conc-${invoiceId}`, actor: staff })),
      ...ids.slice(20).map((invoiceId) => voidInvoice(getDb(), { invoiceId, reason: "Concurrent void", actor: staff })),
    ]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    // Ten paid in full (100.00), ten partly (25.00), five void.
    expect(await getPeriodTotals("USD", { from: "2026-03-01", to: "2026-03-01" }, "2026-03-01")).toEqual({ invoices: 25, invoicedMinor: 20 * 100_00, paidMinor: 10 * 100_00 + 10 * 25_00 });
    expect(receivablesTotals(await getReceivablesAging("USD", businessDay("UTC", new Date())))).toMatchObject({ outstandingMinor: 10 * 75_00, openInvoices: 10 });
    expect(await findRollupDrift(getDb())).toEqual([]);
  });
});
