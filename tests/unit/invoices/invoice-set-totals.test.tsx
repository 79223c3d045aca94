import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { InvoiceSetTotals } from "@/components/invoices/invoice-set-totals";

// The list's totals: one row per currency, the business's own first. On a phone the other currencies wait
// behind a button (CSS hides them below `sm`; jsdom has no layout, so the test reads the classes and ARIA).

const totals = [
  { currency: "EUR", count: 2, invoicedMinor: 9_900, paidMinor: 0, outstandingMinor: 9_900 },
  { currency: "GBP", count: 1, invoicedMinor: 5_000, paidMinor: 5_000, outstandingMinor: 0 },
  { currency: "USD", count: 5, invoicedMinor: 125_000, paidMinor: 25_000, outstandingMinor: 100_000 },
];

/** The summary route's answer (jsdom has no Response): what the component reads of it. */
const answer = (body: unknown) => jest.fn(async () => ({ ok: true, json: async () => body })) as unknown as typeof fetch;

beforeEach(() => {
  global.fetch = answer({ totals });
});

describe("the invoice list's totals", () => {
  it("puts the business's currency first and the others behind a button on a phone", async () => {
    const user = userEvent.setup();
    render(<InvoiceSetTotals query="" locale="en-US" businessCurrency="USD" />);
    const region = await screen.findByRole("region", { name: "Totals for these filters" });
    await within(region).findByText("Invoiced (USD)");
    const lists = region.querySelectorAll("dl");
    expect([...lists].map((dl) => dl.querySelector("dt")!.textContent)).toEqual(["Invoiced (USD)", "Invoiced (EUR)", "Invoiced (GBP)"]);

    const more = within(region).getByRole("button", { name: "2 more currencies: EUR, GBP" });
    expect(more).toHaveAttribute("aria-expanded", "false");
    const others = document.getElementById(more.getAttribute("aria-controls")!)!;
    expect(others.className).toMatch(/(^| )hidden( |$)/);
    expect(others.querySelectorAll("dl")).toHaveLength(2);

    await user.click(more);
    expect(within(region).getByRole("button", { name: "Fewer currencies" })).toHaveAttribute("aria-expanded", "true");
    expect(others.className).not.toMatch(/(^| )hidden( |$)/);
  });

  it("shows one currency as a single row, with no button and no currency in the labels", async () => {
    global.fetch = answer({ totals: [totals[2]] });
    render(<InvoiceSetTotals query="" locale="en-US" businessCurrency="USD" />);
    const region = await screen.findByRole("region", { name: "Totals for these filters" });
    await within(region).findByText("Invoiced");
    expect(region.querySelectorAll("dl")).toHaveLength(1);
    expect(within(region).queryByRole("button")).toBeNull();
  });
});
