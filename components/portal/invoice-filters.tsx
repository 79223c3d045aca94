"use client";

import Form from "next/form";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { IntentLink } from "@/components/ui/intent-link";
import { portalInvoiceFilters, type PortalInvoiceFilter } from "@/lib/validation/choices";

const labels: Record<PortalInvoiceFilter, string> = { all: "All", open: "To pay", overdue: "Overdue", paid: "Paid", void: "Void" };

/** Status tabs and a number search as a GET form: the URL holds the view, and it works before JavaScript loads. */
export function PortalInvoiceFilters({ filter, q }: { filter: PortalInvoiceFilter; q: string }) {
  const form = useRef<HTMLFormElement>(null);
  return (
    <Form ref={form} action="/portal/invoices" className="grid gap-3" role="search" aria-label="Filter invoices">
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">Status</legend>
        {portalInvoiceFilters.map((f) => (
          <label
            key={f}
            className="flex h-9 cursor-pointer items-center rounded-full border bg-background px-3 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/10 has-[:checked]:text-primary has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
          >
            <input type="radio" name="status" value={f} defaultChecked={filter === f} onChange={() => form.current?.requestSubmit()} className="sr-only" />
            {labels[f]}
          </label>
        ))}
      </fieldset>
      <div className="flex gap-2">
        <div className="relative flex-1 sm:max-w-sm">
          <label htmlFor="invoice-number" className="sr-only">
            Invoice number
          </label>
          <Icon name="search" className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
          <Input id="invoice-number" name="q" type="search" defaultValue={q} placeholder="Invoice number, e.g. INV-2026" className="pl-9" autoComplete="off" />
        </div>
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {(q || filter !== "all") && (
          <Button variant="ghost" asChild>
            <IntentLink href="/portal/invoices">Clear</IntentLink>
          </Button>
        )}
      </div>
    </Form>
  );
}
