import { IntentLink } from "@/components/ui/intent-link";
import { InvoiceStatusBadge } from "@/components/invoices/invoice-status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { InvoiceStatus } from "@/db/schema";
import { formatDate } from "@/lib/dates";
import { displayStatus } from "@/lib/invoices/status";
import { balanceDue, formatMoney } from "@/lib/money";

type Row = { id: number; number: string | null; status: InvoiceStatus; issueDate?: string; dueDate: string; currency: string; totalMinor: number; amountPaidMinor: number };

/** The client's invoices: number (a link to the invoice), dates, status and what is left to pay. Narrow screens keep number, status and balance. */
export function InvoiceListTable({ rows, today, locale, showIssued = true }: { rows: Row[]; today: string; locale: string; showIssued?: boolean }) {
  return (
    <Table aria-label="Invoices">
      <TableHeader>
        <TableRow>
          <TableHead>Invoice</TableHead>
          {showIssued && <TableHead className="hidden md:table-cell">Issued</TableHead>}
          <TableHead className="hidden sm:table-cell">Due</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="hidden text-right sm:table-cell">Total</TableHead>
          <TableHead className="text-right">Balance</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((inv) => (
          <TableRow key={inv.id}>
            <TableCell>
              <IntentLink href={`/portal/invoices/${inv.id}`} className="whitespace-nowrap font-medium text-primary underline-offset-4 hover:underline focus-visible:underline">
                {inv.number}
              </IntentLink>
              <div className="text-xs text-muted-foreground sm:hidden">Due {formatDate(inv.dueDate)}</div>
            </TableCell>
            {showIssued && inv.issueDate && <TableCell className="hidden whitespace-nowrap md:table-cell">{formatDate(inv.issueDate)}</TableCell>}
            <TableCell className="hidden whitespace-nowrap sm:table-cell">{formatDate(inv.dueDate)}</TableCell>
            <TableCell>
              <InvoiceStatusBadge status={displayStatus(inv.status, inv.dueDate, today)} />
            </TableCell>
            <TableCell className="hidden whitespace-nowrap text-right tabular-nums sm:table-cell">{formatMoney(inv.totalMinor, inv.currency, locale)}</TableCell>
            <TableCell className="whitespace-nowrap text-right tabular-nums">
              {inv.status === "void" ? <span className="text-muted-foreground">—</span> : formatMoney(balanceDue(inv.totalMinor, inv.amountPaidMinor), inv.currency, locale)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
