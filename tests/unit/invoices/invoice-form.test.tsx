import { Component, type ReactNode } from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { redirect } from "next/navigation";
import { renderToString } from "react-dom/server";
import { InvoiceForm } from "@/components/invoices/invoice-form";
import { currencyChoices } from "@/lib/currencies";
import { formatMoney, invoiceTotals } from "@/lib/money";
import { stubClientOptionsFetch } from "../../support/client-options-fetch";
import { scaledMs } from "../../support/load";

const push = jest.fn();
jest.mock("next/navigation", () => ({ ...jest.requireActual("next/navigation"), useRouter: () => ({ push, refresh: jest.fn() }) }));
const toast = jest.fn();
jest.mock("@/components/ui/toast", () => ({ ...jest.requireActual("@/components/ui/toast"), toast: (...args: unknown[]) => toast(...args) }));
const saveInvoiceDraft = jest.fn();
const issueInvoice = jest.fn();
jest.mock("@/lib/actions/invoices/save-invoice-draft", () => ({ saveInvoiceDraft: (...args: unknown[]) => saveInvoiceDraft(...args) }));
jest.mock("@/lib/actions/invoices/issue-invoice", () => ({ issueInvoice: (...args: unknown[]) => issueInvoice(...args) }));

const services = [
  { id: 3, name: "Logo design", priceMinor: 450_00, currency: "USD", active: true },
  { id: 4, name: "Tokyo workshop", priceMinor: 80_000, currency: "JPY", active: true },
];
const defaults = { currency: "USD", taxRateBp: 825, dueDays: 14, today: "2026-04-02", locale: "en-US" };
const client = { id: 9, name: "Harbor Bakery", email: "ap@harbor.example", currency: "USD" };
const currencies = currencyChoices({ preferred: ["USD"] });

stubClientOptionsFetch();

/** Stands in for the area's error.tsx. */
class Boundary extends Component<{ children: ReactNode; onError: (error: unknown) => void }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  render() {
    return this.state.failed ? <p>error page</p> : this.props.children;
  }
}

beforeEach(() => {
  toast.mockReset();
  saveInvoiceDraft.mockReset();
  issueInvoice.mockReset();
  push.mockReset();
});

describe("InvoiceForm", () => {
  it("shows its values in the server's HTML, before hydration, with the buttons disabled until the page can save", () => {
    const html = renderToString(<InvoiceForm area="/staff" services={services} defaults={defaults} currencies={currencies} client={client} />);
    const doc = new DOMParser().parseFromString(html, "text/html");
    expect(doc.querySelector<HTMLInputElement>("input[name=issueDate]")?.getAttribute("value")).toBe("2026-04-02");
    expect(doc.querySelector<HTMLInputElement>("input[name=dueDate]")?.getAttribute("value")).toBe("2026-04-16");
    expect(doc.querySelector<HTMLInputElement>("input[name='lines.0.quantity']")?.getAttribute("value")).toBe("1");
    expect(doc.querySelector<HTMLSelectElement>("select[name=terms]")?.value).toBe("14");
    expect(doc.querySelector<HTMLSelectElement>("select[name=currency]")?.value).toBe("USD");
    const buttons = [...doc.querySelectorAll("button")].filter((b) => /^Save/.test(b.textContent ?? ""));
    expect(buttons).toHaveLength(2);
    for (const b of buttons) expect(b.hasAttribute("disabled")).toBe(true);
    // Once hydrated (render runs React in the browser), the same buttons are enabled.
    render(<InvoiceForm area="/staff" services={services} defaults={defaults} currencies={currencies} client={client} />);
    expect(screen.getByRole("button", { name: "Save and issue" })).toBeEnabled();
  });

  it("works out totals live with lib/money as lines change, and due dates from the payment terms", async () => {
    const user = userEvent.setup();
    render(<InvoiceForm area="/staff" services={services} defaults={defaults} currencies={currencies} client={client} />);
    expect(screen.getByLabelText(/Due date/)).toHaveValue("2026-04-16");
    await user.selectOptions(screen.getByLabelText("Payment terms"), "30");
    expect(screen.getByLabelText(/Due date/)).toHaveValue("2026-05-02");

    await user.selectOptions(screen.getByLabelText("Line 1: pick a service"), "3");
    expect(screen.getByLabelText("Line 1 description")).toHaveValue("Logo design");
    await user.clear(screen.getByLabelText(/Line 1 quantity/));
    await user.type(screen.getByLabelText(/Line 1 quantity/), "1.5");
    await user.click(screen.getByRole("button", { name: "Add line" }));
    await user.type(screen.getByLabelText("Line 2 description"), "Mileage");
    await user.type(screen.getByLabelText(/Line 2 unit price \(USD\)/), "0.67");
    await user.clear(screen.getByLabelText(/Line 2 quantity/));
    await user.type(screen.getByLabelText(/Line 2 quantity/), "42.5");
    await user.clear(screen.getByLabelText(/Line 2 tax %/));
    await user.type(screen.getByLabelText(/Discount/), "25");

    // 1.5 × 450.00 = 675.00 and 42.5 × 0.67 = 28.48 (rounded half up); the 25.00 discount is spread before tax.
    const expected = invoiceTotals(
      [
        { quantityMilli: 1500, unitPriceMinor: 450_00, taxRateBp: 825 },
        { quantityMilli: 42_500, unitPriceMinor: 67, taxRateBp: 0 },
      ],
      25_00,
    );
    const totals = within(screen.getByLabelText("Totals"));
    expect(totals.getByText("$703.48")).toBeInTheDocument();
    expect(totals.getByText("−$25.00")).toBeInTheDocument();
    expect(totals.getByText(formatMoney(expected.taxMinor, "USD", "en-US"))).toBeInTheDocument();
    expect(totals.getByText(formatMoney(expected.totalMinor, "USD", "en-US"))).toBeInTheDocument();
    expect(expected.totalMinor).toBe(703_48 - 25_00 + expected.taxMinor);
  });

  it("shows errors next to the fields that need them, before sending anything", async () => {
    const user = userEvent.setup();
    render(<InvoiceForm area="/staff" services={services} defaults={defaults} currencies={currencies} client={null} />);
    await user.type(screen.getByLabelText(/Line 1 unit price \(USD\)/), "12.345");
    await user.click(screen.getByRole("button", { name: "Save draft" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Check the highlighted fields.");
    expect(screen.getByText("Choose a client")).toBeInTheDocument();
    expect(screen.getByText("Describe this line")).toBeInTheDocument();
    expect(screen.getByText("Use at most 2 decimal places")).toBeInTheDocument();
    expect(screen.getByLabelText(/Line 1 unit price \(USD\)/)).toHaveAttribute("aria-invalid", "true");
    expect(saveInvoiceDraft).not.toHaveBeenCalled();
  });

  it("saves, then issues, then opens the invoice when asked to save and issue", async () => {
    const user = userEvent.setup();
    saveInvoiceDraft.mockResolvedValue({ ok: true, fieldErrors: {}, formError: null, data: { id: 41, version: 1 } });
    issueInvoice.mockResolvedValue({ ok: true, fieldErrors: {}, formError: null, data: { id: 41, number: "INV-2026-0041", version: 2 } });
    render(<InvoiceForm area="/staff" services={services} defaults={defaults} currencies={currencies} client={client} />);
    await user.type(screen.getByLabelText("Line 1 description"), "Consulting");
    await user.type(screen.getByLabelText(/Line 1 unit price \(USD\)/), "120");
    await user.click(screen.getByRole("button", { name: "Save and issue" }));
    await screen.findByRole("button", { name: "Save and issue" });
    expect(saveInvoiceDraft).toHaveBeenCalledWith(
      undefined,
      expect.objectContaining({
        clientId: 9,
        currency: "USD",
        issueDate: "2026-04-02",
        lines: [expect.objectContaining({ description: "Consulting", quantity: "1", unitPrice: "120.00", taxRate: "8.25" })],
      }),
    );
    await new Promise((r) => setTimeout(r, 0));
    // The version the save returned: a change by someone else since is refused, not issued unseen.
    expect(issueInvoice).toHaveBeenCalledWith(undefined, { invoiceId: 41, expectedVersion: 1 });
    expect(push).toHaveBeenCalledWith("/staff/invoices/41");
  });

  it("keeps every typed line and says the server couldn't be reached when the save's call fails", async () => {
    const user = userEvent.setup();
    jest.spyOn(console, "error").mockImplementationOnce(() => {});
    saveInvoiceDraft.mockRejectedValue(new TypeError("Failed to fetch"));
    render(<InvoiceForm area="/staff" services={services} defaults={defaults} currencies={currencies} client={client} />);
    await user.type(screen.getByLabelText("Line 1 description"), "Consulting");
    await user.type(screen.getByLabelText(/Line 1 unit price \(USD\)/), "120");
    await user.click(screen.getByRole("button", { name: "Add line" }));
    await user.type(screen.getByLabelText("Line 2 description"), "Hosting");
    await user.type(screen.getByLabelText(/Line 2 unit price \(USD\)/), "30");
    await user.click(screen.getByRole("button", { name: "Save and issue" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("We couldn't reach the server. Nothing you typed is lost: check your connection and try again.");
    expect(screen.getByLabelText("Line 1 description")).toHaveValue("Consulting");
    expect(screen.getByLabelText(/Line 1 unit price \(USD\)/)).toHaveValue("120.00");
    expect(screen.getByLabelText("Line 2 description")).toHaveValue("Hosting");
    expect(issueInvoice).not.toHaveBeenCalled();
    expect(push).not.toHaveBeenCalled();
    // The error is drawn first; the button's pending state ends in a later commit (on a busy machine, visibly later).
    await waitFor(() => expect(screen.getByRole("button", { name: "Save and issue" })).toBeEnabled());
  });

  it("lets Next's redirect from the save through, so it still navigates", async () => {
    const user = userEvent.setup();
    let thrown: unknown;
    try {
      redirect("/login");
    } catch (error) {
      thrown = error;
    }
    saveInvoiceDraft.mockRejectedValue(thrown);
    const caught = jest.fn();
    jest.spyOn(console, "error").mockImplementation(() => {});
    render(
      <Boundary onError={caught}>
        <InvoiceForm area="/staff" services={services} defaults={defaults} currencies={currencies} client={client} />
      </Boundary>,
    );
    await user.type(screen.getByLabelText("Line 1 description"), "Consulting");
    await user.type(screen.getByLabelText(/Line 1 unit price \(USD\)/), "120");
    await user.click(screen.getByRole("button", { name: "Save draft" }));
    await waitFor(() => expect(caught).toHaveBeenCalledWith(thrown));
    jest.mocked(console.error).mockRestore();
  });

  it("says the draft was saved but not issued when the issue fails after the save, and opens the draft", async () => {
    const user = userEvent.setup();
    jest.spyOn(console, "error").mockImplementationOnce(() => {});
    saveInvoiceDraft.mockResolvedValue({ ok: true, fieldErrors: {}, formError: null, data: { id: 41, version: 1 } });
    issueInvoice.mockRejectedValue(new TypeError("Failed to fetch"));
    render(<InvoiceForm area="/staff" services={services} defaults={defaults} currencies={currencies} client={client} />);
    await user.type(screen.getByLabelText("Line 1 description"), "Consulting");
    await user.type(screen.getByLabelText(/Line 1 unit price \(USD\)/), "120");
    await user.click(screen.getByRole("button", { name: "Save and issue" }));
    await waitFor(() => expect(push).toHaveBeenCalledWith("/staff/invoices/41"));
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringMatching(/^The draft was saved, but it wasn't issued: We couldn't reach the server/), variant: "destructive" }));

    issueInvoice.mockResolvedValue({ ok: false, fieldErrors: {}, formError: "This draft changed since you opened it. Reload to see the changes before issuing." });
    await user.click(screen.getByRole("button", { name: "Save and issue" }));
    await waitFor(() =>
      expect(toast).toHaveBeenLastCalledWith(
        expect.objectContaining({ title: "The draft was saved, but it wasn't issued: This draft changed since you opened it. Reload to see the changes before issuing." }),
      ),
    );
  });

  it("forgets the chosen client once its name is typed over, so the invoice can't go to it in its currency", async () => {
    const user = userEvent.setup();
    const acme = { id: 5, name: "Acme", email: null, currency: "EUR" };
    const bob = { id: 6, name: "Bob's Plumbing", email: null, currency: "GBP" };
    // As /admin/invoices/new?client=<Acme> draws it: in Acme's currency.
    render(<InvoiceForm area="/admin" services={services} defaults={{ ...defaults, currency: "EUR" }} currencies={currencies} client={acme} />);
    expect(screen.getByLabelText("Currency")).toHaveValue("EUR");
    await user.type(screen.getByLabelText("Line 1 description"), "Boiler");
    await user.type(screen.getByLabelText(/Line 1 unit price/), "120");
    const field = screen.getByRole("combobox", { name: /Client/ });
    await user.clear(field);
    await user.type(field, "Bob's Plumbing");
    await user.tab();
    expect(field).toHaveValue("Bob's Plumbing");
    await user.click(screen.getByRole("button", { name: "Save and issue" }));
    expect(await screen.findByText("Choose a client")).toBeInTheDocument();
    expect(saveInvoiceDraft).not.toHaveBeenCalled();

    // Picked from the list with the keyboard, Bob is the client and the currency follows.
    jest.mocked(globalThis.fetch).mockResolvedValue({ ok: true, json: async () => ({ clients: [bob] }) } as Response);
    await user.clear(field);
    await user.type(field, "Bob");
    // The picker asks the server after a 150 ms pause: wait for its answer to be drawn.
    // The picker asks the server after a 150 ms pause.
    expect(await screen.findByRole("option", { name: /Bob's Plumbing/ }, { timeout: scaledMs(3_000) })).toBeInTheDocument();
    await user.keyboard("{ArrowDown}{Enter}");
    expect(field).toHaveValue("Bob's Plumbing");
    expect(screen.getByLabelText("Currency")).toHaveValue("GBP");
    saveInvoiceDraft.mockResolvedValue({ ok: true, fieldErrors: {}, formError: null, data: { id: 42, version: 1 } });
    await user.click(screen.getByRole("button", { name: "Save draft" }));
    await waitFor(() => expect(saveInvoiceDraft).toHaveBeenCalledWith(undefined, expect.objectContaining({ clientId: 6, currency: "GBP" })));
  });

  it("offers every currency by name, common ones first, and reads prices in the one picked", async () => {
    const user = userEvent.setup();
    render(<InvoiceForm area="/staff" services={services} defaults={defaults} currencies={currencies} client={client} />);
    const picker = screen.getByLabelText("Currency");
    expect(within(picker).getByRole("option", { name: "KWD — Kuwaiti Dinar" })).toBeInTheDocument();
    expect(within(picker).getByRole("option", { name: "ZAR — South African Rand" })).toBeInTheDocument();
    expect(within(picker).getAllByRole("option").length).toBeGreaterThan(150);
    await user.selectOptions(picker, "KWD");
    await user.type(screen.getByLabelText("Line 1 description"), "Audit");
    await user.type(screen.getByLabelText(/Line 1 unit price \(KWD\)/), "12.345");
    await user.clear(screen.getByLabelText(/Line 1 tax %/));
    expect(within(screen.getByLabelText("Totals")).getAllByText("KWD 12.345").length).toBe(2);
  });

  it("never carries a service's price over from another currency", async () => {
    const user = userEvent.setup();
    render(<InvoiceForm area="/staff" services={services} defaults={defaults} currencies={currencies} client={client} />);
    const service = screen.getByLabelText("Line 1: pick a service");
    expect(within(service).getByRole("option", { name: "Tokyo workshop (priced in JPY)" })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Line 1 unit price \(USD\)/), "99");
    await user.selectOptions(service, "4");
    expect(screen.getByLabelText("Line 1 description")).toHaveValue("Tokyo workshop");
    // "99" was rewritten as en-US writes it when the field was left.
    expect(screen.getByLabelText(/Line 1 unit price \(USD\)/)).toHaveValue("99.00");
    await user.selectOptions(service, "3");
    expect(screen.getByLabelText(/Line 1 unit price \(USD\)/)).toHaveValue("450.00");
  });

  it("refuses a line whose quantity times price is more than an amount holds, next to the price, without breaking the totals", async () => {
    const user = userEvent.setup();
    render(<InvoiceForm area="/staff" services={services} defaults={defaults} currencies={currencies} client={client} />);
    await user.type(screen.getByLabelText("Line 1 description"), "Everything");
    await user.clear(screen.getByLabelText(/Line 1 quantity/));
    await user.type(screen.getByLabelText(/Line 1 quantity/), "1000000");
    await user.type(screen.getByLabelText(/Line 1 unit price \(USD\)/), "90071992547.40");
    // The live totals leave the line out rather than crash or round.
    expect(within(screen.getByLabelText("Totals")).getAllByText("$0.00").length).toBe(3);
    await user.click(screen.getByRole("button", { name: "Save draft" }));
    expect(await screen.findByText(/This line comes to more than one invoice can hold/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Line 1 unit price \(USD\)/)).toHaveAttribute("aria-invalid", "true");
    expect(saveInvoiceDraft).not.toHaveBeenCalled();
  });

  it("in a de-DE business, reads comma decimals, rewrites amounts as the person leaves them, and leaves what doesn't read as typed", async () => {
    const user = userEvent.setup();
    render(
      <InvoiceForm area="/staff" services={services} defaults={{ ...defaults, currency: "EUR", taxRateBp: 1950, locale: "de-DE" }} currencies={currencies} client={{ ...client, currency: "EUR" }} />,
    );
    // The default tax rate is offered as de-DE types it.
    expect(screen.getByLabelText(/Line 1 tax %/)).toHaveValue("19,5");
    await user.type(screen.getByLabelText("Line 1 description"), "Beratung");
    await user.clear(screen.getByLabelText(/Line 1 quantity/));
    await user.type(screen.getByLabelText(/Line 1 quantity/), "2,5");
    const price = screen.getByLabelText(/Line 1 unit price \(EUR\)/);
    await user.type(price, "1234,5");
    await user.tab();
    expect(price).toHaveValue("1.234,50");
    // 2,5 × 1.234,50 = 3.086,25; 19,5 % tax = 601,82 (half up); 3.688,07 in all.
    const totals = within(screen.getByLabelText("Totals"));
    // The matcher reads the no-break space before € as a plain space.
    expect(totals.getByText("3.688,07 €")).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Discount/), "12,5");
    await user.tab();
    expect(screen.getByLabelText(/Discount/)).toHaveValue("12,50");
    // en-US separators in a de-DE business: kept as typed, refused with the form expected.
    await user.clear(price);
    await user.type(price, "1,234.50");
    await user.tab();
    expect(price).toHaveValue("1,234.50");
    await user.click(screen.getByRole("button", { name: "Save draft" }));
    expect(await screen.findByText("Enter the amount like 1.234,50")).toBeInTheDocument();
    expect(saveInvoiceDraft).not.toHaveBeenCalled();
    await user.clear(price);
    await user.type(price, "1.234,50");
    saveInvoiceDraft.mockResolvedValue({ ok: true, fieldErrors: {}, formError: null, data: { id: 7 } });
    await user.click(screen.getByRole("button", { name: "Save draft" }));
    expect(saveInvoiceDraft).toHaveBeenCalledWith(
      undefined,
      expect.objectContaining({ currency: "EUR", discount: "12,50", lines: [expect.objectContaining({ quantity: "2,5", unitPrice: "1.234,50", taxRate: "19,5" })] }),
    );
  });
});
