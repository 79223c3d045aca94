import { render, screen, within } from "@testing-library/react";
import { ClientRows, type ClientTableRow } from "@/components/clients/client-rows";

// The client list's table renders from row data in the browser (a client
// component, so the page's payload carries the rows, not a tree per row).
// What each row shows must be what the server-rendered table showed.

const row = (over: Partial<ClientTableRow>): ClientTableRow => ({
  id: 7,
  name: "Mason Adams",
  company: "Golden Hour Coffee",
  email: "mason@example.com",
  phone: "(802) 555-0184",
  smsOptIn: true,
  archived: false,
  createdAt: new Date("2026-08-12T11:52:00Z"),
  balances: [{ currency: "USD", minor: 164514, overdue: true }],
  ...over,
});

describe("ClientRows", () => {
  it("shows each client's link, company, badges, email, phone, date and balance", () => {
    render(<ClientRows area="/staff" locale="en-US" rows={[row({}), row({ id: 8, name: "Ada Archived", company: null, email: null, phone: null, smsOptIn: false, archived: true, balances: [] })]} />);
    const table = screen.getByRole("table", { name: "Clients" });
    const [, first, second] = within(table).getAllByRole("row");
    expect(within(first!).getByRole("link", { name: "Mason Adams" })).toHaveAttribute("href", "/staff/clients/7");
    expect(first).toHaveTextContent("Golden Hour Coffee");
    expect(within(first!).getByText("SMS")).toBeInTheDocument();
    expect(within(first!).queryByText("Archived")).toBeNull();
    expect(within(first!).getAllByText("mason@example.com")).toHaveLength(2); // the column, and under the name on small screens
    expect(first).toHaveTextContent("(802) 555-0184");
    expect(first).toHaveTextContent("Aug 12, 2026");
    expect(first).toHaveTextContent("$1,645.14 (overdue)");

    expect(within(second!).getByRole("link", { name: "Ada Archived" })).toHaveAttribute("href", "/staff/clients/8");
    expect(within(second!).getByText("Archived")).toBeInTheDocument();
    expect(within(second!).queryByText("SMS")).toBeNull();
    // No email, phone or balance: a dash each.
    expect(within(second!).getAllByText("—")).toHaveLength(3);
  });
});
