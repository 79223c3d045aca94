import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { forwardRef, type ComponentProps } from "react";
import { ClientFilters } from "@/components/clients/client-filters";
import { InvoiceFilters } from "@/components/invoices/invoice-filters";
import { parseClientListParams } from "@/lib/validation/clients";
import { parseInvoiceListParams } from "@/lib/validation/invoices";

// next/form needs the app router; a plain GET form keeps what the bar relies on (its fields and submit).
const submitted: string[] = [];
jest.mock("next/form", () => ({
  __esModule: true,
  default: forwardRef<HTMLFormElement, ComponentProps<"form">>(function Form(props, ref) {
    return (
      <form
        {...props}
        ref={ref}
        onSubmit={(e) => {
          e.preventDefault();
          submitted.push(new URLSearchParams(new FormData(e.currentTarget) as unknown as Record<string, string>).toString());
        }}
      />
    );
  }),
}));

// jsdom has no requestSubmit on forms in every version; a submit event is what it does.
HTMLFormElement.prototype.requestSubmit ??= function (this: HTMLFormElement) {
  fireEvent.submit(this);
};

const clientParams = parseClientListParams({});
const invoiceParams = parseInvoiceListParams({ client: "9" }, "USD", "en-US");

beforeEach(() => (submitted.length = 0));

describe("FilterBar, as the client and invoice lists use it", () => {
  it("puts the search, the sort and each filter chip into the URL, applying a chip or the sort at once", async () => {
    const user = userEvent.setup();
    render(<ClientFilters action="/staff/clients" params={clientParams} />);
    const bar = screen.getByRole("search", { name: "Search clients" });
    await user.type(within(bar).getByLabelText("Search by name, company, email or phone"), "harbor");
    await user.click(within(bar).getByRole("checkbox", { name: "Has balance" }));
    expect(submitted).toEqual(["q=harbor&sort=name&filter=balance"]);
    await user.selectOptions(within(bar).getByLabelText("Sort by"), "-balance");
    expect(submitted[1]).toBe("q=harbor&sort=-balance&filter=balance");
    await user.type(within(bar).getByLabelText(/Search by/), "{Enter}");
    expect(submitted).toHaveLength(3);
    expect(within(bar).getByRole("button", { name: "Search" })).toBeInTheDocument();
  });

  it("offers to clear the filters only when something narrows the list", () => {
    const { rerender } = render(<ClientFilters action="/staff/clients" params={clientParams} />);
    expect(screen.queryByRole("link", { name: "Clear all filters" })).not.toBeInTheDocument();
    rerender(<ClientFilters action="/staff/clients" params={parseClientListParams({ filter: "overdue" })} />);
    expect(screen.getByRole("link", { name: "Clear all filters" })).toHaveAttribute("href", "/staff/clients");
  });

  it("lets the invoice list add its own chips and ranges, and keeps the client it is narrowed to", async () => {
    const user = userEvent.setup();
    render(<InvoiceFilters action="/admin/invoices" params={invoiceParams} rawMin="" rawMax="" clientName="Harbor Bakery" removeClientHref="/admin/invoices" currencies={[]} businessCurrency="USD" />);
    const bar = screen.getByRole("search", { name: "Filter invoices" });
    expect(within(bar).getByText(/Client: Harbor Bakery/)).toBeInTheDocument();
    expect(within(bar).getByRole("link", { name: "Remove the client filter" })).toHaveAttribute("href", "/admin/invoices");
    expect(within(bar).getByRole("link", { name: "Clear all filters" })).toBeInTheDocument();
    await user.click(within(bar).getByRole("checkbox", { name: "Overdue" }));
    expect(submitted).toEqual(["q=&sort=-issue_date&status=overdue&client=9&issuedFrom=&issuedTo=&dueFrom=&dueTo=&min=&max="]);
  });

  it("with invoices in more than one currency, says which one a total is read in and lets one be chosen", async () => {
    const user = userEvent.setup();
    const currencies = [
      { code: "JPY", label: "JPY — Japanese Yen" },
      { code: "USD", label: "USD — US Dollar" },
    ];
    render(
      <InvoiceFilters
        action="/admin/invoices"
        params={parseInvoiceListParams({ min: "100" }, "USD", "en-US")}
        rawMin="100"
        rawMax=""
        clientName={null}
        removeClientHref="/admin/invoices"
        currencies={currencies}
        businessCurrency="USD"
      />,
    );
    const bar = screen.getByRole("search", { name: "Filter invoices" });
    expect(within(bar).getByRole("group", { name: "Total, in USD" })).toBeInTheDocument();
    const select = within(bar).getByRole("combobox", { name: "Currency" });
    expect(select).toHaveValue("USD");
    await user.selectOptions(select, "JPY");
    await user.click(within(bar).getByRole("button", { name: "Apply" }));
    expect(submitted.at(-1)).toContain("currency=JPY");
  });
});
