import type { InvoiceStatus } from "@/db/schema";
import { amountOwed } from "@/lib/invoices/status";

type Totals = { status: InvoiceStatus; totalMinor: number; amountPaidMinor: number };

/**
 * Total, Paid and Balance due, as rows of a `<dl>`: the balance card on the
 * back office's invoice page and on the signed link's page. A void invoice
 * owes nothing (lib/invoices/status amountOwed). `money` formats in the
 * invoice's currency and the business's locale.
 */
export function InvoiceTotals({ invoice, money }: { invoice: Totals; money: (minor: number) => string }) {
  return (
    <>
      <div className="flex justify-between gap-4">
        <dt className="shrink-0 text-muted-foreground">Total</dt>
        <dd className="text-right tabular-nums">{money(invoice.totalMinor)}</dd>
      </div>
      <div className="flex justify-between gap-4">
        <dt className="shrink-0 text-muted-foreground">Paid</dt>
        <dd className="text-right tabular-nums">{money(invoice.amountPaidMinor)}</dd>
      </div>
      <div className="flex justify-between gap-4 border-t pt-2 text-base font-semibold">
        <dt>Balance due</dt>
        <dd className="text-right tabular-nums" data-testid="balance-due">
          {money(amountOwed(invoice))}
        </dd>
      </div>
    </>
  );
}
