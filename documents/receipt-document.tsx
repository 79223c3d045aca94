import type { ReceiptDocumentData } from "@/db/queries/payments";
import { invoiceDocumentCss } from "./invoice-document-css";
import { formatInstantDate } from "@/lib/dates";
import { balanceDue, formatMoney } from "@/lib/money";
import { methodLabel } from "@/lib/payments/labels";

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
          {payment.refundedMinor > 0 && (
            <div>
              <dt>Refunded</dt>
              <dd>{money(-payment.refundedMinor)}</dd>
            </div>
          )}
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
