import { InvoiceStatusBadge } from "@/components/invoices/invoice-status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { LocalTime } from "@/components/time/viewer-time";
import { Icon } from "@/components/ui/icon";
import { formatDate } from "@/lib/dates";
import { amountOwed, displayStatus } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import { buttonVariants } from "@/components/ui/button";
import type { InvoiceDocumentData } from "@/db/queries/invoice-document";
import { InvoicePaper } from "./invoice-paper";
import { InvoiceTotals } from "./invoice-totals";

/**
 * What someone holding a signed link sees: the balance and a PDF download up
 * front, then the invoice itself. `pdfHref` carries the same token.
 */
export function PublicInvoice({ data, pdfHref, expiresAt, today, pay }: { data: InvoiceDocumentData; pdfHref: string; expiresAt: Date; today: string; pay?: React.ReactNode }) {
  const { invoice, company } = data;
  const money = (minor: number) => formatMoney(minor, invoice.currency, company.locale);
  const balance = amountOwed(invoice);
  const status = displayStatus(invoice.status, invoice.dueDate, today);
  return (
    <div className={`mx-auto grid w-full max-w-6xl gap-6 lg:items-start ${pay ? "lg:grid-cols-[minmax(0,1fr)_24rem]" : "lg:grid-cols-[minmax(0,1fr)_18rem]"}`}>
      <Card className={`min-w-0 lg:order-2 ${pay ? "" : "lg:sticky lg:top-6"}`}>
        <CardHeader className="gap-2">
          <div className="flex items-center justify-between gap-2">
            <CardTitle className="whitespace-nowrap">{invoice.number ?? "Invoice"}</CardTitle>
            <InvoiceStatusBadge status={status} />
          </div>
          <p className="text-sm text-muted-foreground">From {company.name}</p>
        </CardHeader>
        <CardContent className="grid gap-4">
          <dl className="grid gap-2 text-sm">
            <InvoiceTotals invoice={invoice} money={money} />
            {balance > 0 && (
              <div className="flex justify-between gap-4">
                <dt className="text-muted-foreground">Due</dt>
                <dd>{formatDate(invoice.dueDate)}</dd>
              </div>
            )}
          </dl>
          {pay && (
            <div id="pay" className="scroll-mt-6 border-t pt-4">
              {pay}
            </div>
          )}
          {data.payments.length > 0 && (
            <div>
              <h2 className="text-sm font-medium">Payments</h2>
              <ul className="mt-2 grid gap-1 text-sm">
                {data.payments.map((p) => (
                  <li key={p.id} className="flex justify-between gap-4">
                    {p.receivedAt ? <LocalTime value={p.receivedAt} show="date" className="text-muted-foreground" /> : <span className="text-muted-foreground">—</span>}
                    <span className="tabular-nums">{money(p.amountMinor)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <a href={pdfHref} className={buttonVariants({ variant: pay ? "outline" : "default", className: "w-full" })} download>
            <Icon name="download" aria-hidden="true" />
            Download PDF
          </a>
          <p className="text-xs text-muted-foreground">
            This private link works until <LocalTime value={expiresAt} />. Don&apos;t forward it to people who shouldn&apos;t see this invoice.
          </p>
        </CardContent>
      </Card>
      <div className="min-w-0 lg:order-1">
        <InvoicePaper data={data} />
      </div>
    </div>
  );
}
