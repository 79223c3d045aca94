import { notFound } from "next/navigation";
import { InvoiceStatusBadge } from "@/components/invoices/invoice-status-badge";
import { MessageList } from "@/components/messages/message-list";
import { PaymentList } from "@/components/payments/payment-list";
import { InvoiceRemindersCard } from "@/components/reminders/invoice-reminders-card";
import { RecordPaymentDialog } from "@/components/payments/record-payment-dialog";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { completeInvoiceDocument, documentRowOf, succeededPaymentsOf } from "@/db/queries/invoice-document";
import { getInvoiceDetail, listInvoiceHistory, listInvoiceLinks, listInvoicePayments } from "@/db/queries/invoices";
import { listMessagesFor } from "@/db/queries/outbox";
import { getSettings } from "@/db/queries/settings";
import { LocalTime, RelativeTime } from "@/components/time/viewer-time";
import { getBusinessToday } from "@/lib/business-time";
import { formatDate } from "@/lib/dates";
import { amountOwed, displayStatus } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import { EmailInvoiceDialog } from "./email-invoice-dialog";
import { DraftActions, DuplicateInvoiceButton, PdfButton } from "./invoice-header-actions";
import { InvoiceHistory } from "./invoice-history";
import { InvoiceTotals } from "./invoice-totals";
import { InvoicePaper } from "./invoice-paper";
import { LinkActions } from "./link-actions";
import { VoidInvoiceDialog } from "./void-invoice-dialog";
import { EmptyState } from "@/components/ui/empty-state";

type Props = { area: string; invoiceId: number; canWrite: boolean; canPay: boolean; canOpenOutbox: boolean; canPauseReminders?: boolean };

/**
 * One invoice for /admin and /staff: the document, its status and balance,
 * payments, private links, messages and history, with the actions its status
 * allows. Callers check "invoices:read".
 */
export async function InvoiceDetail({ area, invoiceId, canWrite, canPay, canOpenOutbox, canPauseReminders = false }: Props) {
  // One read of the invoice row serves the page, its document and its reminders card; one of its payments serves the list, the document and the history.
  const [invoice, payments] = await Promise.all([getInvoiceDetail(invoiceId), listInvoicePayments(invoiceId)]);
  if (!invoice) notFound();
  const [document, links, messages, history, settings] = await Promise.all([
    completeInvoiceDocument(documentRowOf(invoice, invoice.client), succeededPaymentsOf(payments)),
    listInvoiceLinks(invoiceId),
    listMessagesFor({ type: "invoice", id: invoiceId }),
    listInvoiceHistory(invoiceId, { paymentIds: payments.map((p) => p.id) }),
    getSettings(),
  ]);
  const today = await getBusinessToday();
  const { locale } = settings;
  const now = new Date();
  const status = displayStatus(invoice.status, invoice.dueDate, today);
  const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
  const balance = amountOwed(invoice);
  const open = invoice.status === "sent" || invoice.status === "partially_paid";
  const title = invoice.number ?? `Draft #${invoice.id}`;
  const activeLinks = links.filter((l) => !l.revokedAt && l.expiresAt > now).length;

  return (
    <>
      <PageHeader
        title={title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <InvoiceStatusBadge status={status} />
            <span>
              for{" "}
              <IntentLink href={`${area}/clients/${invoice.client.id}`} className="font-medium text-foreground underline-offset-4 hover:underline">
                {invoice.client.name}
              </IntentLink>
            </span>
          </span>
        }
        actions={
          <>
            {canWrite && invoice.status === "draft" && <DraftActions area={area} invoiceId={invoice.id} version={invoice.version} />}
            <PdfButton invoiceId={invoice.id} status={invoice.status} />
            {canWrite && invoice.status !== "draft" && <DuplicateInvoiceButton area={area} invoiceId={invoice.id} />}
            {canWrite && open && invoice.amountPaidMinor === 0 && <VoidInvoiceDialog invoiceId={invoice.id} number={title} />}
            {canWrite && invoice.status !== "draft" && invoice.status !== "void" && (
              <EmailInvoiceDialog invoiceId={invoice.id} number={title} clientEmail={invoice.client.email} companyName={settings.companyName} variant={canPay && open ? "outline" : "default"} />
            )}
            {canPay && open && <RecordPaymentDialog invoiceId={invoice.id} number={title} currency={invoice.currency} locale={locale} balanceMinor={balance} today={today} />}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <Card className="min-w-0 lg:col-start-2 lg:row-start-1">
          <CardHeader>
            <CardTitle>Balance</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-2 text-sm">
              <InvoiceTotals invoice={invoice} money={money} />
              <Row label="Issue date" value={formatDate(invoice.issueDate)} />
              <Row label="Due date" value={formatDate(invoice.dueDate)} />
              {invoice.sentAt && <Row label="First emailed" value={<LocalTime value={invoice.sentAt} />} />}
              {invoice.paidAt && <Row label="Paid in full" value={<LocalTime value={invoice.paidAt} />} />}
              {invoice.voidedAt && <Row label="Voided" value={<LocalTime value={invoice.voidedAt} />} />}
            </dl>
            {invoice.status === "draft" && <p className="mt-4 text-sm text-muted-foreground">A draft has no number yet and can still change. Issue it to email it or take payments.</p>}
          </CardContent>
        </Card>

        <div className="min-w-0 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          <InvoicePaper data={document} titleLevel={2} />
        </div>

        <div className="grid min-w-0 grid-cols-1 gap-6 lg:col-start-2">
          {invoice.status !== "draft" && (
            <Card>
              <CardHeader>
                <CardTitle>Payments</CardTitle>
              </CardHeader>
              <CardContent>
                <PaymentList payments={payments} canManage={canPay} locale={locale} />
              </CardContent>
            </Card>
          )}
          {invoice.status !== "draft" && (
            <Card>
              <CardHeader>
                <CardTitle>Private links</CardTitle>
                <CardDescription>Each email carries a link that shows this invoice without signing in.</CardDescription>
              </CardHeader>
              <CardContent className="grid gap-3">
                {links.length === 0 ? (
                  <EmptyState icon={<Icon name="link-2" />} title="No links yet" description="Emailing the invoice makes one." className="py-6 sm:py-8" />
                ) : (
                  <ul className="grid gap-2 text-sm">
                    {links.map((l) => {
                      const state = l.revokedAt ? "Revoked" : l.expiresAt <= now ? "Expired" : "Active";
                      return (
                        <li key={l.id} className="flex items-start justify-between gap-3">
                          <span>
                            Made <LocalTime value={l.createdAt} show="date" />
                            <span className="block text-xs text-muted-foreground">
                              {l.firstViewedAt ? (
                                <>
                                  First opened <RelativeTime value={l.firstViewedAt} />
                                </>
                              ) : (
                                "Not opened yet"
                              )}
                            </span>
                          </span>
                          <span className={state === "Active" ? "text-success" : "text-muted-foreground"}>{state}</span>
                        </li>
                      );
                    })}
                  </ul>
                )}
                {canWrite && <LinkActions invoiceId={invoice.id} hasActive={activeLinks > 0} />}
              </CardContent>
            </Card>
          )}
          {invoice.status !== "draft" && (
            <InvoiceRemindersCard invoice={{ ...invoice, clientId: invoice.client.id, archivedAt: invoice.client.archivedAt }} number={title} today={today} canPause={canPauseReminders} />
          )}
          <Card>
            <CardHeader>
              <CardTitle>Messages</CardTitle>
            </CardHeader>
            <CardContent>
              <MessageList
                messages={messages}
                outboxHref={canOpenOutbox ? (id) => `/admin/outbox/${id}` : undefined}
                emptyText="Emails, reminders and receipts about this invoice will be listed here."
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>History</CardTitle>
            </CardHeader>
            <CardContent>
              <InvoiceHistory rows={history} currency={invoice.currency} locale={locale} />
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="shrink-0 text-muted-foreground">{label}</dt>
      <dd className="text-right tabular-nums">{value}</dd>
    </div>
  );
}
