import type { PaymentMethod, PaymentStatus } from "@/db/schema";
import { invoiceDocumentCss } from "@/components/invoices/invoice-document-css";
import { formatInstantDate } from "@/lib/dates";
import { balanceDue, formatMoney } from "@/lib/money";
import { methodLabel } from "@/lib/payments/labels";

export type ReceiptDocumentData = {
  /** `locale` and `timeZone` are the business's: the receipt's dates are written in them. */
  company: { name: string; address: string; email: string | null; phone: string | null; locale: string; timeZone: string };
  client: { name: string; email: string | null };
  invoice: { id: number; number: string | null; currency: string; totalMinor: number; amountPaidMinor: number };
  payment: { id: number; amountMinor: number; method: PaymentMethod; status: PaymentStatus; reference: string | null; receivedAt: Date | null; refundedAt: Date | null };
};

/** A payment receipt in the invoice document's style, for the receipt PDF. */
export function ReceiptDocument({ data }: { data: ReceiptDocumentData }) {
  const { company, client, invoice, payment } = data;
  const money = (minor: number) => formatMoney(minor, invoice.currency, company.locale);
  return (
    <article className="invoice-doc" aria-label={`Receipt for payment ${payment.id}`}>
      <style dangerouslySetInnerHTML={{ __html: invoiceDocumentCss }} />
      {payment.status === "refunded" && (
        <div className="doc-stamp doc-stamp-void" aria-hidden="true">
          REFUNDED
        </div>
      )}
      <header className="doc-head">
        <div>
          <p className="doc-company-name">{company.name}</p>
          {company.address && <p className="doc-small">{company.address}</p>}
          {company.email && <p className="doc-small">{company.email}</p>}
        </div>
        <div className="doc-title">
          <h1>Receipt</h1>
          <p className="doc-number">R-{String(payment.id).padStart(6, "0")}</p>
        </div>
      </header>
      <section className="doc-parties">
        <div>
          <p className="doc-label">Received from</p>
          <p className="doc-client-name">{client.name}</p>
          {client.email && <p className="doc-small">{client.email}</p>}
        </div>
        <dl className="doc-dates">
          <dt>Date received</dt>
          <dd>{formatInstantDate(payment.receivedAt, company)}</dd>
          <dt>For invoice</dt>
          <dd>{invoice.number ?? `#${invoice.id}`}</dd>
          <dt>Method</dt>
          <dd>{methodLabel[payment.method]}</dd>
          {payment.reference && (
            <>
              <dt>Reference</dt>
              <dd>{payment.reference}</dd>
            </>
          )}
          {payment.refundedAt && (
            <>
              <dt>Refunded</dt>
              <dd>{formatInstantDate(payment.refundedAt, company)}</dd>
            </>
          )}
        </dl>
      </section>
      <div className="doc-bottom">
        <div className="doc-notes">
          <p>Thank you for your payment.</p>
        </div>
        <dl className="doc-totals">
          <div className="doc-grand">
            <dt>Amount received</dt>
            <dd>{money(payment.amountMinor)}</dd>
          </div>
          <div>
            <dt>Invoice total</dt>
            <dd>{money(invoice.totalMinor)}</dd>
          </div>
          <div>
            <dt>Paid to date</dt>
            <dd>{money(invoice.amountPaidMinor)}</dd>
          </div>
          <div className="doc-balance">
            <dt>Balance due</dt>
            <dd>{money(balanceDue(invoice.totalMinor, invoice.amountPaidMinor))}</dd>
          </div>
        </dl>
      </div>
    </article>
  );
}
