"use client";

import { Search, X } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { statusLabel } from "@/lib/invoices/status";
import { invoiceStatusFilters, type InvoiceListParams, type InvoiceSort } from "@/lib/validation/invoices";

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
};

/**
 * Search, status, dates, amounts and sort as a GET form: the URL holds the
 * whole view, so it can be bookmarked or linked from the dashboard, and it
 * works before JavaScript loads. Status chips and the sort apply at once.
 */
export function InvoiceFilters({ action, params, rawMin, rawMax, clientName, removeClientHref }: FilterProps) {
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  const advanced = Boolean(params.issuedFrom || params.issuedTo || params.dueFrom || params.dueTo || rawMin || rawMax);
  const filtered = Boolean(params.q || params.statuses.length || params.clientId || advanced);
  return (
    <Form ref={form} action={action} className="grid gap-3" role="search" aria-label="Filter invoices">
      <div className="flex flex-col gap-2 sm:flex-row">
        <div className="relative flex-1">
          <label htmlFor="invoice-search" className="sr-only">
            Search by invoice number or client name
          </label>
          <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
          <Input id="invoice-search" name="q" type="search" defaultValue={params.q} placeholder="Start of an invoice number or client name…" className="pl-9" autoComplete="off" />
        </div>
        <div className="flex gap-2">
          <label htmlFor="invoice-sort" className="sr-only">
            Sort by
          </label>
          <Select id="invoice-sort" name="sort" defaultValue={params.sort} onChange={submit} wrapperClassName="w-full sm:w-52">
            {Object.entries(sortLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        </div>
      </div>
      <fieldset className="flex flex-wrap items-center gap-1.5 sm:gap-2">
        <legend className="sr-only">Status</legend>
        {invoiceStatusFilters.map((s) => (
          <label
            key={s}
            className="flex h-8 cursor-pointer items-center gap-1.5 rounded-full border bg-background px-2.5 text-xs sm:h-9 sm:gap-2 sm:px-3 sm:text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/10 has-[:checked]:text-primary has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
          >
            <input type="checkbox" name="status" value={s} defaultChecked={params.statuses.includes(s)} onChange={submit} className="size-4 accent-primary" />
            {statusLabel[s]}
          </label>
        ))}
        {params.clientId && (
          <span className="flex h-9 items-center gap-1 rounded-full border border-primary bg-primary/10 pl-3 pr-1 text-sm text-primary">
            <input type="hidden" name="client" value={params.clientId} />
            Client: {clientName ?? `#${params.clientId}`}
            <Link
              href={removeClientHref}
              className="grid size-7 place-items-center rounded-full hover:bg-primary/15 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              aria-label="Remove the client filter"
            >
              <X className="size-4" aria-hidden="true" />
            </Link>
          </span>
        )}
      </fieldset>
      <details open={advanced} className="group rounded-md border bg-muted/30 px-3 py-2 [&_summary::-webkit-details-marker]:hidden">
        <summary className="cursor-pointer select-none text-sm font-medium text-muted-foreground hover:text-foreground">Dates and amounts</summary>
        <div className="grid gap-3 pb-1 pt-3 sm:grid-cols-2 lg:grid-cols-3">
          <Range label="Issued" from={{ name: "issuedFrom", value: params.issuedFrom }} to={{ name: "issuedTo", value: params.issuedTo }} type="date" />
          <Range label="Due" from={{ name: "dueFrom", value: params.dueFrom }} to={{ name: "dueTo", value: params.dueTo }} type="date" />
          <Range label="Total" from={{ name: "min", value: rawMin }} to={{ name: "max", value: rawMax }} type="text" />
        </div>
      </details>
      {filtered && (
        <div>
          <Button variant="link" size="sm" className="h-auto px-0" asChild>
            <Link href={action}>Clear all filters</Link>
          </Button>
        </div>
      )}
    </Form>
  );
}

type Bound = { name: string; value: string | null };

function Range({ label, from, to, type }: { label: string; from: Bound; to: Bound; type: "date" | "text" }) {
  const money = type === "text";
  return (
    <fieldset className="grid gap-1.5">
      <legend className="mb-1.5 text-sm font-medium">{label}</legend>
      <div className="flex items-center gap-2">
        <Label htmlFor={`f-${from.name}`} className="sr-only">
          {label} from
        </Label>
        <Input id={`f-${from.name}`} name={from.name} type={type} defaultValue={from.value ?? ""} inputMode={money ? "decimal" : undefined} placeholder={money ? "Min" : undefined} />
        <span aria-hidden="true" className="text-muted-foreground">
          –
        </span>
        <Label htmlFor={`f-${to.name}`} className="sr-only">
          {label} to
        </Label>
        <Input id={`f-${to.name}`} name={to.name} type={type} defaultValue={to.value ?? ""} inputMode={money ? "decimal" : undefined} placeholder={money ? "Max" : undefined} />
      </div>
    </fieldset>
  );
}
