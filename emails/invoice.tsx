import { Text } from "@react-email/text";
import type { InvoiceEmailData } from "@/lib/notify/templates";
import { day, firstName, money } from "./format";
import { Action, EmailLayout, Paragraph, Summary, type EmailCompany, type EmailProps } from "./layout";
import { styles } from "./styles";

export const invoiceSubject = (d: InvoiceEmailData, c: EmailCompany) => `Invoice ${d.invoiceNumber} from ${c.name}`;

export function InvoiceEmail({ data: d, company }: EmailProps<InvoiceEmailData>) {
  return (
    <EmailLayout company={company} preview={`${money(d.balanceMinor, d.currency, company)} due ${day(d.dueDate, company)}`}>
      <Paragraph>Hi {firstName(d.clientName)},</Paragraph>
      {d.message && <Text style={styles.note}>{d.message}</Text>}
      <Paragraph>
        Here is invoice {d.invoiceNumber} from {company.name}. The PDF is attached, and you can view and pay it online.
      </Paragraph>
      <Summary
        rows={[
          ["Invoice", d.invoiceNumber],
          ["Total", money(d.totalMinor, d.currency, company)],
          ["Balance due", money(d.balanceMinor, d.currency, company)],
          ["Due date", day(d.dueDate, company)],
        ]}
      />
      <Action href={d.link} label="View and pay invoice" />
    </EmailLayout>
  );
}
