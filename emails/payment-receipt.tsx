import type { PaymentReceiptData } from "@/lib/notify/templates";
import { dayOf, firstName, methodLabel, money } from "./format";
import { Action, EmailLayout, Paragraph, Summary, type EmailCompany, type EmailProps } from "./layout";

export const paymentReceiptSubject = (d: PaymentReceiptData, c: EmailCompany) => `Payment received for ${d.invoiceNumber} - ${c.name}`;

export function PaymentReceiptEmail({ data: d, company }: EmailProps<PaymentReceiptData>) {
  const amount = money(d.amountMinor, d.currency, company);
  const rows: [string, string][] = [
    ["Invoice", d.invoiceNumber],
    ["Amount", amount],
    ["Paid by", methodLabel(d.method)],
    ["Date", dayOf(d.paidAt, company)],
  ];
  if (d.reference) rows.push(["Reference", d.reference]);
  rows.push(["Balance left", money(d.balanceMinor, d.currency, company)]);
  return (
    <EmailLayout company={company} preview={`We received ${amount}. Thank you.`}>
      <Paragraph>Hi {firstName(d.clientName)},</Paragraph>
      <Paragraph>
        Thank you: we received your payment of {amount} for invoice {d.invoiceNumber}.{d.balanceMinor === 0 ? " The invoice is now paid in full." : ""}
      </Paragraph>
      <Summary rows={rows} />
      {d.link && <Action href={d.link} label="View invoice" />}
    </EmailLayout>
  );
}
