import type { PaymentReminderData } from "@/lib/notify/templates";
import { day, firstName, money, plural } from "./format";
import { Action, EmailLayout, Paragraph, Summary, type EmailCompany, type EmailProps } from "./layout";

export const paymentReminderSubject = (d: PaymentReminderData, c: EmailCompany) =>
  d.daysOverdue > 0 ? `Reminder: invoice ${d.invoiceNumber} is overdue - ${c.name}` : `Reminder: invoice ${d.invoiceNumber} is due ${day(d.dueDate, c)} - ${c.name}`;

export function PaymentReminderEmail({ data: d, company }: EmailProps<PaymentReminderData>) {
  const balance = money(d.balanceMinor, d.currency, company);
  return (
    <EmailLayout company={company} preview={`${balance} due on invoice ${d.invoiceNumber}`}>
      <Paragraph>Hi {firstName(d.clientName)},</Paragraph>
      <Paragraph>
        {d.daysOverdue > 0
          ? `A friendly reminder: invoice ${d.invoiceNumber} was due on ${day(d.dueDate, company)} and is ${plural(d.daysOverdue, "day")} overdue.`
          : `A friendly reminder: invoice ${d.invoiceNumber} is due on ${day(d.dueDate, company)}.`}{" "}
        If you have already paid, thank you, and please ignore this message.
      </Paragraph>
      <Summary
        rows={[
          ["Invoice", d.invoiceNumber],
          ["Balance due", balance],
          ["Due date", day(d.dueDate, company)],
        ]}
      />
      {d.link && <Action href={d.link} label="Pay now" />}
    </EmailLayout>
  );
}
