import { render, screen, within } from "@testing-library/react";
import { InvoiceDocument } from "@/documents/invoice-document";
import type { InvoiceDocumentData } from "@/db/queries/invoice-document";

function doc(overrides: Partial<InvoiceDocumentData["invoice"]> = {}, extra: Partial<InvoiceDocumentData> = {}): InvoiceDocumentData {
  return {
    company: { name: "Northwind Studio", address: "500 Harbor Way", email: "billing@example.com", phone: null, logo: "<svg xmlns='http://www.w3.org/2000/svg'/>", locale: "en-US", timeZone: "UTC" },
    client: { name: "Harbor Bakery", company: null, email: "ap@harbor.example", phone: null, address: null },
    invoice: {
      id: 7,
      number: "INV-2026-0007",
      status: "partially_paid",
      issueDate: "2026-04-02",
      dueDate: "2026-04-16",
      currency: "USD",
      subtotalMinor: 200_00,
      taxMinor: 16_50,
      discountMinor: 0,
      totalMinor: 216_50,
      amountPaidMinor: 100_00,
      notes: "PO 4471",
      voidReason: null,
      periodStart: null,
      periodEnd: null,
      version: 3,
      ...overrides,
    },
    lines: [{ description: "Design", quantityMilli: 2000, unitPriceMinor: 100_00, taxRateBp: 825, lineTotalMinor: 200_00, taxMinor: 16_50 }],
    payments: [{ id: 1, receivedAt: new Date("2026-04-05T10:00:00Z"), method: "bank_transfer", reference: "WIRE-1", amountMinor: 100_00, refundedMinor: 0 }],
    instructions: { bank: "Pay to account 123", cash: null },
    ...extra,
  };
}

describe("InvoiceDocument", () => {
  it("writes the company's and the client's phones for people: national at home, international abroad, never E.164", () => {
    const company = { ...doc().company, phone: "+15035550100" };
    const { container } = render(<InvoiceDocument data={doc({}, { company, client: { ...doc().client, phone: "+442079460318" } })} />);
    expect(container.textContent).toContain("billing@example.com · (503) 555-0100");
    expect(container.textContent).toContain("+44 20 7946 0318");
    expect(container.textContent).not.toMatch(/\+15035550100|\+442079460318/);
  });

  it("shows the number, client, lines, totals, payments and the balance due", () => {
    render(<InvoiceDocument data={doc()} />);
    const article = screen.getByRole("article", { name: "Invoice INV-2026-0007" });
    expect(within(article).getByText("Harbor Bakery")).toBeInTheDocument();
    expect(within(article).getByText("Design")).toBeInTheDocument();
    expect(within(article).getByText("Tax (8.25%)")).toBeInTheDocument();
    expect(within(article).getAllByText("$116.50")).toHaveLength(2);
    expect(within(article).getByText("WIRE-1")).toBeInTheDocument();
    expect(within(article).getByText("Pay to account 123")).toBeInTheDocument();
    expect(within(article).queryByText("PAID")).not.toBeInTheDocument();
    // The logo is an <img> from a data: URL, so its SVG can't run anything.
    expect(article.querySelector("img")!.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
  });

  it("says what was refunded of a part-refunded payment, beside what it was", () => {
    const payments = [{ id: 1, receivedAt: new Date("2026-04-05T10:00:00Z"), method: "bank_transfer" as const, reference: "WIRE-1", amountMinor: 100_00, refundedMinor: 40_00 }];
    render(<InvoiceDocument data={doc({ amountPaidMinor: 60_00 }, { payments })} />);
    const received = screen.getByRole("heading", { name: "Payments received" }).closest("section")!;
    const row = within(received).getByRole("row", { name: /WIRE-1/ });
    expect(row).toHaveTextContent("$100.00");
    expect(row).toHaveTextContent("-$40.00 refunded");
  });

  it("stamps PAID, and drops the payment instructions, once paid", () => {
    render(<InvoiceDocument data={doc({ status: "paid", amountPaidMinor: 216_50 })} />);
    expect(screen.getByText("PAID")).toBeInTheDocument();
    expect(screen.queryByText("Pay to account 123")).not.toBeInTheDocument();
  });

  it("stamps VOID with the reason and no balance due", () => {
    render(<InvoiceDocument data={doc({ status: "void", amountPaidMinor: 0, voidReason: "Wrong client" })} />);
    expect(screen.getByText("VOID")).toBeInTheDocument();
    expect(screen.getByText("Wrong client")).toBeInTheDocument();
    expect(screen.getAllByText("$0.00").length).toBeGreaterThanOrEqual(2);
  });

  it("calls a draft a draft", () => {
    render(<InvoiceDocument data={doc({ status: "draft", number: null, amountPaidMinor: 0 }, { payments: [] })} />);
    expect(screen.getByRole("heading", { name: "Draft invoice" })).toBeInTheDocument();
    expect(screen.getByText("DRAFT")).toBeInTheDocument();
  });
});
