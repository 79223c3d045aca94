import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { InvoiceTable, type InvoiceTableRow } from "@/components/invoices/invoice-table";

jest.mock("next/navigation", () => ({ useRouter: () => ({ push: jest.fn(), refresh: jest.fn(), prefetch: jest.fn() }) }));
jest.mock("@/lib/actions/invoices/bulk-email-invoices", () => ({ bulkEmailInvoices: jest.fn() }));
jest.mock("@/lib/actions/invoices/bulk-remind-invoices", () => ({ bulkRemindInvoices: jest.fn() }));

const row = (id: number, number: string): InvoiceTableRow => ({
  id,
  number,
  status: "sent",
  issueDate: "2026-03-01",
  dueDate: "2026-03-31",
  currency: "USD",
  totalMinor: 10_000,
  amountPaidMinor: 0,
  clientId: 1,
  clientName: "Harbor Bakery",
});

describe("invoice list table", () => {
  it("shows the bulk actions only once an invoice is selected, and counts it as 1 invoice", async () => {
    const user = userEvent.setup();
    render(<InvoiceTable area="/admin" rows={[row(1, "INV-2026-0001"), row(2, "INV-2026-0002")]} today="2026-03-10" locale="en-US" filtered={false} canRemind />);
    expect(screen.queryByRole("region", { name: "Bulk actions" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Email" })).toBeNull();
    await user.click(screen.getByRole("checkbox", { name: "Select INV-2026-0001" }));
    const bar = screen.getByRole("region", { name: "Bulk actions" });
    expect(within(bar).getByText("1 invoice selected")).toBeInTheDocument();
    await user.click(within(bar).getByRole("button", { name: "Clear selection" }));
    expect(screen.queryByRole("region", { name: "Bulk actions" })).toBeNull();
  });

  it("styles invoice numbers as links", () => {
    render(<InvoiceTable area="/admin" rows={[row(1, "INV-2026-0001")]} today="2026-03-10" locale="en-US" filtered={false} canRemind={false} />);
    expect(screen.getByRole("link", { name: "INV-2026-0001" })).toHaveClass("text-primary");
  });
});
