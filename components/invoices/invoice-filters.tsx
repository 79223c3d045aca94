"use client";

import { FilterBar, optionsFrom } from "@/components/forms/filter-bar";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { IntentLink } from "@/components/ui/intent-link";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { statusLabel } from "@/lib/invoices/status";
import { invoiceStatusFilters } from "@/lib/validation/choices";
import type { InvoiceListParams, InvoiceSort } from "@/lib/validation/invoices";

const sortLabels: Record<InvoiceSort, string> = {
  "-issue_date": "Newest issued",
  issue_date: "Oldest issued",
  due_date: "Due soonest",
  "-due_date": "Due latest",
  "-total": "Largest total",
  total: "Smallest total",
  "-number": "Number, high to low",
  number: "Number, low to high",
};

type FilterProps = {
  action: string;
  params: InvoiceListParams;
  /** The amounts as typed in the URL, so the inputs show them back. */
  rawMin: string;
  rawMax: string;
  clientName: string | null;
  /** The same view without the client filter. */
  removeClientHref: string;
  /** The currencies invoices are in (code and name); the filter shows when there is more than one. */
  currencies: { code: string; label: string }[];
  /** What a min or max is read in when no currency is chosen. */
  businessCurrency: string;
};

/** The invoice list's search, status, dates, amounts and sort; the dashboard links into it. */
export function InvoiceFilters({ action, params, rawMin, rawMax, clientName, removeClientHref, currencies, businessCurrency }: FilterProps) {
  const pickCurrency = currencies.length > 1 || (params.currency !== null && params.currency !== businessCurrency);
  // A currency narrows anything only where invoices are in more than one (a dashboard link always names it).
  const advanced = Boolean(params.issuedFrom || params.issuedTo || params.dueFrom || params.dueTo || rawMin || rawMax || (pickCurrency && params.currency));
  return (
    <FilterBar
      action={action}
      label="Filter invoices"
      search={{ id: "invoice-search", label: "Search by invoice number or client name", placeholder: "Start of an invoice number or client name…", value: params.q }}
      sort={{ id: "invoice-sort", value: params.sort, options: optionsFrom(sortLabels), className: "w-full sm:w-52" }}
      submitLabel="Apply"
      chips={{ legend: "Status", name: "status", options: invoiceStatusFilters.map((s) => ({ value: s, label: statusLabel[s] })), checked: params.statuses }}
      extraChips={
        params.clientId && (
          <span className="flex h-9 items-center gap-1 rounded-full border border-primary bg-primary/10 pl-3 pr-1 text-sm text-primary">
            <input type="hidden" name="client" value={params.clientId} />
            Client: {clientName ?? `#${params.clientId}`}
            <IntentLink
              href={removeClientHref}
              className="grid size-7 place-items-center rounded-full hover:bg-primary/15 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              aria-label="Remove the client filter"
            >
              <Icon name="x" className="size-4" aria-hidden="true" />
            </IntentLink>
          </span>
        )
      }
      filtered={Boolean(params.q || params.statuses.length || params.clientId || advanced)}
    >
      <details open={advanced} className="group rounded-md border bg-muted/30 px-3 py-2 [&_summary::-webkit-details-marker]:hidden">
        <summary className="cursor-pointer select-none text-sm font-medium text-muted-foreground hover:text-foreground">Dates and amounts</summary>
        <div className="grid gap-3 pb-1 pt-3 sm:grid-cols-2 lg:grid-cols-3">
          <Range label="Issued" from={{ name: "issuedFrom", value: params.issuedFrom }} to={{ name: "issuedTo", value: params.issuedTo }} type="date" />
          <Range label="Due" from={{ name: "dueFrom", value: params.dueFrom }} to={{ name: "dueTo", value: params.dueTo }} type="date" />
          <Range label={`Total, in ${params.currency ?? businessCurrency}`} from={{ name: "min", value: rawMin }} to={{ name: "max", value: rawMax }} type="text" />
          {pickCurrency && (
            <div className="grid gap-1.5">
              <Label htmlFor="f-currency">Currency</Label>
              <Select id="f-currency" name="currency" defaultValue={params.currency ?? ""} aria-describedby="f-currency-hint">
                <option value="">Any currency</option>
                {currencies.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.label}
                  </option>
                ))}
              </Select>
              <p id="f-currency-hint" className="text-xs text-muted-foreground">
                A min or max total keeps to one currency: this one, or {businessCurrency} when none is chosen.
              </p>
            </div>
          )}
        </div>
      </details>
    </FilterBar>
  );
}

type Bound = { name: string; value: string | null };

function Range({ label, from, to, type }: { label: string; from: Bound; to: Bound; type: "date" | "text" }) {
  const money = type === "text";
  return (
    // min-w-0 all the way down: a fieldset and a grid item are as wide as their content by default, and
    // two date inputs side by side are wider than a phone's column, so the page would scroll sideways.
    <fieldset className="grid min-w-0 gap-1.5">
      <legend className="mb-1.5 text-sm font-medium">{label}</legend>
      <div className="flex min-w-0 items-center gap-2">
        <Label htmlFor={`f-${from.name}`} className="sr-only">
          {label} from
        </Label>
        <Input
          id={`f-${from.name}`}
          className="min-w-0"
          name={from.name}
          type={type}
          defaultValue={from.value ?? ""}
          inputMode={money ? "decimal" : undefined}
          placeholder={money ? "Min" : undefined}
        />
        <span aria-hidden="true" className="text-muted-foreground">
          –
        </span>
        <Label htmlFor={`f-${to.name}`} className="sr-only">
          {label} to
        </Label>
        <Input id={`f-${to.name}`} className="min-w-0" name={to.name} type={type} defaultValue={to.value ?? ""} inputMode={money ? "decimal" : undefined} placeholder={money ? "Max" : undefined} />
      </div>
    </fieldset>
  );
}
