import type { PaymentRefundDueData } from "@/lib/notify/templates";
import { firstName, money } from "./format";
import { Action, EmailLayout, Paragraph, Summary, type EmailCompany, type EmailProps } from "./layout";

export const paymentRefundDueSubject = (d: PaymentRefundDueData, c: EmailCompany) => `Refund needed: ${money(d.amountMinor, d.currency, c)} on ${d.invoiceNumber} - ${c.name}`;

export function PaymentRefundDueEmail({ data: d, company }: EmailProps<PaymentRefundDueData>) {
  return (
    <EmailLayout company={company} preview={`A card payment on ${d.invoiceNumber} needs a refund`}>
      <Paragraph>Hi {firstName(d.adminName)},</Paragraph>
      <Paragraph>
        Stripe took a card payment that invoice {d.invoiceNumber} could not take, so it was not applied to the invoice and the client&apos;s balance is unchanged. Refund it to the client.
      </Paragraph>
      <Summary
        rows={[
          ["Invoice", d.invoiceNumber],
          ["Amount", money(d.amountMinor, d.currency, company)],
          ["Stripe payment", d.providerRef],
          ["Why", d.reason],
        ]}
      />
      <Action href={d.paymentsUrl} label="Open card payments" />
    </EmailLayout>
  );
}
