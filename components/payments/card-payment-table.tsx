import { IntentLink } from "@/components/ui/intent-link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { RelativeTime } from "@/components/time/viewer-time";
import type { CardPaymentRow } from "@/db/queries/card-payments";
import { formatMoney } from "@/lib/money";
import { refundableMinor } from "@/lib/payments/refundable";
import { stripeDashboardUrl } from "@/lib/payments/stripe/client";
import { ProviderReference } from "./provider-reference";
import { RefundPaymentDialog } from "./refund-payment-dialog";

/** Card payments waiting for Stripe, or kept to refund: their age, invoice, client, amount and Stripe reference. */
export function CardPaymentTable({ area, rows, locale, refunds }: { area: string; rows: CardPaymentRow[]; locale: string; refunds: boolean }) {
  return (
    <Table aria-label={refunds ? "Card payments to refund" : "Card payments awaiting confirmation"}>
      <TableHeader>
        <TableRow>
          <TableHead>Invoice</TableHead>
          <TableHead className="hidden sm:table-cell">Client</TableHead>
          <TableHead className="text-right">Amount</TableHead>
          <TableHead className="hidden md:table-cell">{refunds ? "Received" : "Started"}</TableHead>
          <TableHead className="hidden lg:table-cell">Stripe reference</TableHead>
          {refunds && (
            <TableHead className="text-right">
              <span className="sr-only">Actions</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => {
          const refundable = refundableMinor(r);
          const when = refunds ? (r.receivedAt ?? r.createdAt) : r.createdAt;
          return (
            <TableRow key={r.id}>
              <TableCell className="max-w-64 align-top">
                <IntentLink href={`${area}/invoices/${r.invoiceId}`} className="font-medium underline-offset-4 hover:underline">
                  {r.invoiceNumber ?? `Draft #${r.invoiceId}`}
                </IntentLink>
                {/* The columns hidden on small screens, folded in here. */}
                <div className="grid gap-0.5 text-xs text-muted-foreground lg:hidden">
                  <span className="sm:hidden">{r.clientName}</span>
                  <span className="md:hidden">
                    {refunds ? "Received" : "Started"} <RelativeTime value={when} />
                  </span>
                  {r.providerRef && <ProviderReference providerRef={r.providerRef} url={stripeDashboardUrl(r.providerRef)} />}
                </div>
                {refunds && r.failureReason && <p className="mt-1 text-xs text-muted-foreground">{r.failureReason}</p>}
              </TableCell>
              <TableCell className="hidden align-top sm:table-cell">
                <IntentLink href={`${area}/clients/${r.clientId}`} className="underline-offset-4 hover:underline">
                  {r.clientName}
                </IntentLink>
              </TableCell>
              <TableCell className="whitespace-nowrap text-right align-top tabular-nums">
                {formatMoney(r.amountMinor, r.currency, locale)}
                {refunds && r.refundedMinor > 0 && <div className="text-xs text-muted-foreground">{formatMoney(r.refundedMinor, r.currency, locale)} refunded</div>}
              </TableCell>
              <TableCell className="hidden whitespace-nowrap align-top text-sm md:table-cell">
                <RelativeTime value={when} />
              </TableCell>
              <TableCell className="hidden align-top lg:table-cell">
                {r.providerRef ? <ProviderReference providerRef={r.providerRef} url={stripeDashboardUrl(r.providerRef)} /> : <span className="text-muted-foreground">None yet</span>}
              </TableCell>
              {refunds && (
                <TableCell className="text-right align-top">
                  {refundable > 0 && r.providerRef?.startsWith("pi_") && (
                    <RefundPaymentDialog paymentId={r.id} currency={r.currency} locale={locale} refundableMinor={refundable} viaStripe refundDue triggerLabel="Refund" />
                  )}
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
