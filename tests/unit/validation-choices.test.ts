import { invoiceStatuses } from "@/db/schema/invoices";
import { billingIntervals as storedIntervals } from "@/db/schema/services";
import { paymentMethods as storedMethods } from "@/db/schema/subscriptions";
import { billingIntervals, invoiceStatusFilters, paymentMethods } from "@/lib/validation/choices";

// lib/validation/choices mirrors the database enums without importing them
// (or zod), so the browser can load it; these keep the mirror honest.
describe("the zod-free choices", () => {
  it("filter invoices by every stored status, and by the derived overdue", () => {
    expect([...invoiceStatusFilters].sort()).toEqual([...invoiceStatuses, "overdue"].sort());
  });

  it("offer exactly the payment methods the database stores", () => {
    expect([...paymentMethods]).toEqual([...storedMethods]);
  });

  it("offer exactly the billing intervals the database stores", () => {
    expect([...billingIntervals]).toEqual([...storedIntervals]);
  });
});
