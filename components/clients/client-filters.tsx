"use client";

import { Search } from "lucide-react";
import Form from "next/form";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ClientFilter, ClientListParams } from "@/lib/validation/clients";

const filterLabels: Record<ClientFilter, string> = { balance: "Has balance", overdue: "Overdue", archived: "Archived", sms: "SMS opt-in" };

const sortLabels = {
  name: "Name, A–Z",
  "-name": "Name, Z–A",
  "-created": "Newest first",
  created: "Oldest first",
  "-balance": "Largest balance",
  balance: "Smallest balance",
} as const;

/**
 * Search, filters and sort as a GET form: the URL holds the whole state, so a
 * view can be bookmarked or shared, and it works before JavaScript loads.
 * Toggling a filter or the sort applies at once; the search applies on Enter.
 */
export function ClientFilters({ action, params }: { action: string; params: ClientListParams }) {
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  return (
    <Form ref={form} action={action} className="grid gap-3" role="search" aria-label="Search clients">
      <div className="flex flex-col gap-2 sm:flex-row">
        <div className="relative flex-1">
          <label htmlFor="client-search" className="sr-only">
            Search by name, company, email or phone
          </label>
          <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
          <Input id="client-search" name="q" type="search" defaultValue={params.q} placeholder="Start of a name, company, email or phone…" className="pl-9" autoComplete="off" />
        </div>
        <div className="flex gap-2">
          <label htmlFor="client-sort" className="sr-only">
            Sort by
          </label>
          <Select id="client-sort" name="sort" defaultValue={params.sort} onChange={submit} wrapperClassName="w-full sm:w-48">
            {Object.entries(sortLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </div>
      </div>
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">Filters</legend>
        {(Object.keys(filterLabels) as ClientFilter[]).map((f) => (
          <label key={f} className="flex h-9 cursor-pointer items-center gap-2 rounded-full border bg-background px-3 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/10 has-[:checked]:text-primary has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring">
            <input type="checkbox" name="filter" value={f} defaultChecked={params.filters.includes(f)} onChange={submit} className="size-4 accent-primary" />
            {filterLabels[f]}
          </label>
        ))}
      </fieldset>
    </Form>
  );
}
