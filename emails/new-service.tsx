import type { NewServiceData } from "@/lib/notify/templates";
import { firstName, intervalLabel, money } from "./format";
import { EmailLayout, Paragraph, Summary, type EmailCompany, type EmailProps } from "./layout";

export const newServiceSubject = (d: NewServiceData, c: EmailCompany) => `New from ${c.name}: ${d.serviceName}`;

export function NewServiceEmail({ data: d, company }: EmailProps<NewServiceData>) {
  const price = `${money(d.priceMinor, d.currency, company)} ${intervalLabel(d.interval)}`;
  return (
    <EmailLayout company={company} preview={`${d.serviceName}, ${price}`}>
      <Paragraph>Hi {firstName(d.clientName)},</Paragraph>
      <Paragraph>We have added a new service you may like: {d.serviceName}.</Paragraph>
      {d.description && <Paragraph>{d.description}</Paragraph>}
      <Summary
        rows={[
          ["Service", d.serviceName],
          ["Price", price],
        ]}
      />
      <Paragraph>Sign in to your client portal to subscribe, or reply to this email with any questions.</Paragraph>
    </EmailLayout>
  );
}
