"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LocalTime } from "@/components/time/viewer-time";
import type { Balance } from "@/db/queries/clients";
import { BalanceText } from "./balance-text";

/** What a row of the client list shows, and no more: the page hands the browser these, not a rendered tree per row. */
export type ClientTableRow = {
  id: number;
  name: string;
  company: string | null;
  email: string | null;
  /** Formatted on the server (lib/phone-shown), so no phone metadata comes to the browser. */
  phone: string | null;
  smsOptIn: boolean;
  archived: boolean;
  createdAt: Date;
  balances: Pick<Balance, "currency" | "minor" | "overdue">[];
};

/**
 * The client list's table. A client component that takes its rows as data:
 * a tree of cells per row in the page's RSC payload cost more to write, read
 * back and send than the rows themselves (docs/performance.md, "Rows as data").
 */
export function ClientRows({ area, rows, locale }: { area: string; rows: ClientTableRow[]; locale: string }) {
  return (
    <Table aria-label="Clients">
      <TableHeader>
        <TableRow>
          <TableHead>Client</TableHead>
          <TableHead className="hidden md:table-cell">Email</TableHead>
          <TableHead className="hidden lg:table-cell">Phone</TableHead>
          <TableHead className="hidden sm:table-cell">Added</TableHead>
          <TableHead className="text-right">Balance</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((c) => (
          <TableRow key={c.id}>
            <TableCell className="max-w-56">
              <IntentLink href={`${area}/clients/${c.id}`} className="font-medium underline-offset-4 hover:underline focus-visible:underline">
                {c.name}
              </IntentLink>
              <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
                {c.company && <span className="truncate">{c.company}</span>}
                {c.smsOptIn && <Badge variant="secondary">SMS</Badge>}
                {c.archived && <Badge variant="muted">Archived</Badge>}
              </div>
              {/* On small screens the email column is hidden, so it shows here. */}
              {c.email && <div className="truncate text-xs text-muted-foreground md:hidden">{c.email}</div>}
            </TableCell>
            <TableCell className="hidden max-w-56 truncate md:table-cell">{c.email ?? <span className="text-muted-foreground">—</span>}</TableCell>
            <TableCell className="hidden whitespace-nowrap text-xs tabular-nums lg:table-cell">{c.phone ? <span>{c.phone}</span> : <span className="text-muted-foreground">—</span>}</TableCell>
            <TableCell className="hidden whitespace-nowrap sm:table-cell">
              <LocalTime value={c.createdAt} show="date" />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              <BalanceText balances={c.balances} locale={locale} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
