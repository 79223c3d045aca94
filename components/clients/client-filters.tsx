"use client";

import { FilterBar, optionsFrom } from "@/components/forms/filter-bar";
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

/** The client list's search, filters and sort; the search applies on Enter. */
export function ClientFilters({ action, params }: { action: string; params: ClientListParams }) {
  return (
    <FilterBar
      action={action}
      label="Search clients"
      search={{ id: "client-search", label: "Search by name, company, email or phone", placeholder: "Start of a name, company, email or phone…", value: params.q }}
      sort={{ id: "client-sort", value: params.sort, options: optionsFrom(sortLabels) }}
      submitLabel="Search"
      chips={{ legend: "Filters", name: "filter", options: optionsFrom(filterLabels), checked: params.filters }}
      filtered={Boolean(params.q || params.filters.length)}
    />
  );
}
