import { formatDate, formatInstantDate } from "@/lib/dates";
import { formatQuantity } from "@/lib/invoices/quantity";
import { amountOwed } from "@/lib/invoices/status";
import { formatMoney, formatRate } from "@/lib/money";
import { methodLabel } from "@/lib/payments/labels";
import { invoiceDocumentCss } from "./invoice-document-css";
import type { InvoiceDocumentData } from "@/db/queries/invoice-document";
import { regionFromLocale } from "@/lib/phone";
import { shownPhone } from "@/lib/phone-shown";

// Logos are inline SVG or data: URLs (settings.logo); an <img> never runs SVG scripts.
function logoSrc(logo: string | null): string | null {
  if (!logo) return null;
  const trimmed = logo.trim();
  if (trimmed.startsWith("data:image/")) return trimmed;
  if (trimmed.startsWith("<svg")) return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(trimmed)}`;
  return null;
}

const INVOICE_CSS = process.env.CLIENTDESK_INVOICE_CSS ?? "/invoice-document.css";

const stampFor = { paid: "Paid", void: "Void", draft: "Draft" } as const;

/**
 * The invoice as a document: company, client, number, dates, lines, tax,
 * totals, payments and balance, with a PAID or VOID stamp. The app's HTML
 * view, the public link and the PDF all render this one component with its
 * own stylesheet, so they can't drift apart. No hooks: it renders to static
 * markup for the PDF.
 */
/**
 * `titleLevel`: 1 where the document is the page (the PDF, the public link); 2 inside a page that has its own h1.
 * `stylesheet`: "inline" for the PDF, which has no server to ask; pages use
 * "linked", the same CSS as a file the browser keeps (app/invoice-document.css),
 * so it isn't in every view's HTML and RSC payload (4.7 KB each).
 */
export function InvoiceDocument({ data, titleLevel = 1, stylesheet = "inline" }: { data: InvoiceDocumentData; titleLevel?: 1 | 2; stylesheet?: "inline" | "linked" }) {
  const Title = titleLevel === 1 ? "h1" : "h2";
  const { company, client, invoice, lines, payments, instructions } = data;
  // Numbers in the business's locale, like its dates.
  const money = (minor: number) => formatMoney(minor, invoice.currency, company.locale);
  const balance = amountOwed(invoice);
  const rates = [...new Set(lines.map((l) => l.taxRateBp))];
  const taxLabel = rates.length === 1 && rates[0]! > 0 ? `Tax (${formatRate(rates[0]!, company.locale)})` : "Tax";
  const stamp = invoice.status === "paid" || invoice.status === "void" || invoice.status === "draft" ? invoice.status : null;
  const logo = logoSrc(company.logo);
  const payable = balance > 0 && (invoice.status === "sent" || invoice.status === "partially_paid");
  const companyContact = [company.email, company.phone && shownPhone(company.phone, regionFromLocale(company.locale))].filter(Boolean).join(" · ");

  return (
    <article className="invoice-doc" aria-label={invoice.number ? `Invoice ${invoice.number}` : "Draft invoice"}>
      {stylesheet === "inline" ? (
        <style dangerouslySetInnerHTML={{ __html: invoiceDocumentCss }} />
      ) : (
        // React puts it in the <head>, once, and shows the document when it has loaded.
        <link rel="stylesheet" href={INVOICE_CSS} precedence="default" />
      )}
      {stamp && (
        <div className={`doc-stamp doc-stamp-${stamp}`} aria-hidden="true">
          {stampFor[stamp].toUpperCase()}
        </div>
      )}
      <header className="doc-head">
        <div>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL, rendered into the PDF too */}
          {logo && <img className="doc-logo" src={logo} alt="" />}
          <p className="doc-company-name">{company.name}</p>
          {company.address && <p className="doc-small">{company.address}</p>}
          {companyContact && <p className="doc-small">{companyContact}</p>}
        </div>
        <div className="doc-title">
          <Title className="doc-heading">{invoice.status === "draft" ? "Draft invoice" : "Invoice"}</Title>
          {invoice.number && <p className="doc-number">{invoice.number}</p>}
          {invoice.status === "void" && <p className="doc-small">Void: this invoice is cancelled</p>}
        </div>
      </header>

      <section className="doc-parties">
        <div>
          <p className="doc-label">Bill to</p>
          <p className="doc-client-name">{client.name}</p>
          {client.company && client.company !== client.name && <p>{client.company}</p>}
          {client.address && <p className="doc-small">{client.address}</p>}
          {client.email && <p className="doc-small">{client.email}</p>}
          {client.phone && <p className="doc-small">{shownPhone(client.phone, regionFromLocale(company.locale))}</p>}
        </div>
        <div>
          <dl className="doc-dates">
            <dt>Issue date</dt>
            <dd>{formatDate(invoice.issueDate, company.locale)}</dd>
            <dt>Due date</dt>
            <dd>{formatDate(invoice.dueDate, company.locale)}</dd>
            {invoice.periodStart && invoice.periodEnd && (
              <>
                <dt>Period</dt>
                <dd>
                  {formatDate(invoice.periodStart, company.locale)} – {formatDate(invoice.periodEnd, company.locale)}
                </dd>
              </>
            )}
          </dl>
          <p className="doc-due">
            <span>Balance due</span>
            <span className="num">{money(balance)}</span>
          </p>
        </div>
      </section>

      <div className="doc-table-wrap">
        <table>
          <thead>
            <tr>
              <th className="doc-pos">#</th>
              <th>Description</th>
              <th className="num">Qty</th>
              <th className="num">Unit price</th>
              <th className="num">Tax</th>
              <th className="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, i) => (
              <tr key={i}>
                <td className="doc-pos">{i + 1}</td>
                <td>{line.description}</td>
                <td className="num">{formatQuantity(line.quantityMilli, company.locale)}</td>
                <td className="num">{money(line.unitPriceMinor)}</td>
                <td className="num">{line.taxRateBp ? formatRate(line.taxRateBp, company.locale) : "—"}</td>
                <td className="num">{money(line.lineTotalMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="doc-bottom">
        <div className="doc-notes">
          {invoice.notes && (
            <div>
              <p className="doc-label">Notes</p>
              <p>{invoice.notes}</p>
            </div>
          )}
          {payable && instructions.bank && (
            <div>
              <p className="doc-label">Pay by bank transfer</p>
              <p className="doc-small">{instructions.bank}</p>
            </div>
          )}
          {payable && instructions.cash && (
            <div>
              <p className="doc-label">Pay in cash</p>
              <p className="doc-small">{instructions.cash}</p>
            </div>
          )}
        </div>
        <dl className="doc-totals">
          <div>
            <dt>Subtotal</dt>
            <dd>{money(invoice.subtotalMinor)}</dd>
          </div>
          {invoice.discountMinor > 0 && (
            <div>
              <dt>Discount</dt>
              <dd>−{money(invoice.discountMinor)}</dd>
            </div>
          )}
          <div>
            <dt>{taxLabel}</dt>
            <dd>{money(invoice.taxMinor)}</dd>
          </div>
          <div className="doc-grand">
            <dt>Total</dt>
            <dd>{money(invoice.totalMinor)}</dd>
          </div>
          <div>
            <dt>Paid</dt>
            <dd>{money(invoice.amountPaidMinor)}</dd>
          </div>
          <div className="doc-balance">
            <dt>Balance due</dt>
            <dd>{money(balance)}</dd>
          </div>
        </dl>
      </div>

      {payments.length > 0 && (
        <section className="doc-section">
          <h2>Payments received</h2>
          <div className="doc-table-wrap doc-table-tight">
            <table>
              <thead>
                <tr>
                  <th>Date</th>
                  <th>Method</th>
                  <th>Reference</th>
                  <th className="num">Amount</th>
                </tr>
              </thead>
              <tbody>
                {payments.map((p) => (
                  <tr key={p.id}>
                    <td>{formatInstantDate(p.receivedAt, company)}</td>
                    <td>{methodLabel[p.method]}</td>
                    <td>{p.reference || "—"}</td>
                    <td className="num">
                      {money(p.amountMinor)}
                      {p.refundedMinor > 0 && <div className="doc-small">{money(-p.refundedMinor)} refunded</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {invoice.status === "void" && invoice.voidReason && (
        <p className="doc-void">
          <strong>Voided:</strong> {invoice.voidReason}
        </p>
      )}

      <footer className="doc-footer">
        {company.name}
        {invoice.number ? ` · ${invoice.number}` : ""}
        {company.email ? ` · Questions? ${company.email}` : ""}
      </footer>
    </article>
  );
}
