import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InvoicePaper } from "@/components/invoices/invoice-paper";
import { InvoiceStatusBadge } from "@/components/invoices/invoice-status-badge";
import { EmailInvoiceDialog } from "@/components/portal/email-invoice-dialog";
import { InvoicePayments } from "@/components/portal/invoice-payments";
import { PayCard } from "@/components/portal/pay-card";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { getInvoiceDocument } from "@/db/queries/invoice-document";
import { getPortalClientDetails } from "@/db/queries/portal";
import { getPortalInvoice, listPortalInvoicePayments } from "@/db/queries/portal-invoices";
import { getSettings } from "@/db/queries/settings";
import { requireClientScope } from "@/lib/auth/client-scope";
import { getBusinessToday } from "@/lib/business-time";
import { formatDate } from "@/lib/dates";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { amountOwed, displayStatus } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import { minimumPartPayment } from "@/lib/payments/minimum";
import { cardProvider } from "@/lib/payments/providers";
import { routeId } from "@/lib/route-id";
import { clientPaymentMethods, type ClientPaymentMethod } from "@/lib/validation/portal";

export const metadata: Metadata = { title: "Invoice" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One of the client's own invoices: the document, the balance, paying it, its payments, the PDF and "email me". */
export default async function PortalInvoicePage({ params, searchParams }: Props) {
  const scope = await requireClientScope();
  const id = routeId((await params).id);
  // Another client's invoice, a draft or a missing id: the same 404.
  const invoice = await getPortalInvoice(scope.clientId, id);
  if (!invoice) notFound();
  const [data, payments, settings, client] = await Promise.all([getInvoiceDocument(id), listPortalInvoicePayments(scope.clientId, id), getSettings(), getPortalClientDetails(scope.clientId)]);
  if (!data) notFound();
  const query = await searchParams;
  const method = (clientPaymentMethods as readonly string[]).includes(String(query.method)) ? (query.method as ClientPaymentMethod) : "card";
  const today = await getBusinessToday();
  const balance = amountOwed(invoice);
  const { locale } = settings;
  const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
  const provider = cardProvider();
  // Back from Stripe's page: card payments the webhook has not confirmed yet.
  const processing = provider.hosted && query.checkout === "returned" ? payments.filter((p) => p.method === "card" && p.status === "pending") : [];
  return (
    <>
      <IntentLink href="/portal/invoices" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <Icon name="arrow-left" className="size-4" aria-hidden="true" />
        Invoices
      </IntentLink>
      <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            Invoice {invoice.number}
            <InvoiceStatusBadge status={displayStatus(invoice.status, invoice.dueDate, today)} />
          </h1>
          <p className="mt-1 text-sm text-muted-foreground">
            {balance > 0 ? `Due ${formatDate(invoice.dueDate)}` : invoice.status === "void" ? "This invoice was cancelled (void): nothing to pay." : "Paid in full."}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" asChild>
            <a href={`/api/invoices/${invoice.id}/pdf?download=1`} download>
              <Icon name="download" aria-hidden="true" />
              Download PDF
            </a>
          </Button>
          {invoice.status !== "void" && <EmailInvoiceDialog invoiceId={invoice.id} number={invoice.number ?? ""} email={client?.email ?? null} />}
        </div>
      </div>
      {processing.length > 0 && (
        <p role="status" data-testid="card-processing" className="mb-6 flex items-start gap-2 rounded-md border border-warning/50 bg-warning/10 p-3 text-sm">
          <Icon name="clock" className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          Your card payment of {processing.map((p) => money(p.amountMinor)).join(" and ")} is processing. We record it as soon as the card company confirms it: reload this page in a moment.
        </p>
      )}
      {query.checkout === "cancelled" && processing.length === 0 && (
        <p role="status" className="mb-6 rounded-md border p-3 text-sm">
          You left the card payment page, so nothing was charged.
        </p>
      )}
      {query.subscribed === "1" && (
        <p role="status" className="mb-6 flex items-start gap-2 rounded-md border border-success/40 bg-success/10 p-3 text-sm">
          <Icon name="circle-check" className="mt-0.5 size-4 shrink-0 text-success" aria-hidden="true" />
          Thanks! This is the invoice for what you just signed up for; we also emailed it to you. Pay it below, all at once or in parts.
          {query.card === "saved" && " Once Stripe confirms your card (usually within seconds), it is saved: from the next invoice on, we charge it when the invoice is issued."}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-start">
        <div className="grid gap-6 lg:order-2">
          {/* The balance once, with what makes it up, and paying it in the same card: the button names the amount a second time. */}
          <Card id="pay" className="scroll-mt-20">
            <CardHeader className="gap-1">
              <CardTitle asChild>
                <h2 className="text-sm font-medium text-muted-foreground">Balance due</h2>
              </CardTitle>
              <p className="break-words text-3xl font-semibold tabular-nums" data-testid="balance-due">
                {money(balance)}
              </p>
              {invoice.amountPaidMinor > 0 && (
                <p className="text-sm text-muted-foreground">
                  <span className="tabular-nums">{money(invoice.amountPaidMinor)}</span> paid of <span className="tabular-nums">{money(invoice.totalMinor)}</span>
                </p>
              )}
            </CardHeader>
            {invoice.status !== "void" && (
              <CardContent className="border-t pt-4 sm:pt-6">
                <PayCard
                  invoiceId={invoice.id}
                  balanceMinor={balance}
                  currency={invoice.currency}
                  locale={locale}
                  minPaymentMinor={minimumPartPayment(settings, invoice.currency)}
                  defaultMethod={method}
                  idempotencyKey={newIdempotencyKey()}
                  provider={{ testMode: provider.testMode, testCards: provider.testCards, hosted: provider.hosted }}
                  instructions={{ bank: settings.bankInstructions, cash: settings.cashInstructions }}
                />
              </CardContent>
            )}
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Payments</CardTitle>
            </CardHeader>
            <CardContent>
              <InvoicePayments payments={payments} locale={locale} />
            </CardContent>
          </Card>
        </div>
        <div className="min-w-0 lg:order-1">
          <InvoicePaper data={data} titleLevel={2} />
        </div>
      </div>
    </>
  );
}
