// The dunning schedule's reminders (lib/reminders): a friendly note before
// the due date and a firmer one after. The email renders only from a view of
// ready-made strings, so the runner can render it once per run with markers
// and fill each invoice's values in (./scheduled-reminder-stencil.ts).
import type { ScheduledReminderData } from "@/lib/notify/templates";
import { day, firstName, money, plural, smsMoney } from "./format";
import { Action, EmailLayout, Paragraph, Summary, type EmailCompany, type EmailProps } from "./layout";

export type ReminderTone = "friendly" | "firm";

/** Every per-invoice string the email shows. */
export type ReminderView = { preview: string; name: string; number: string; balance: string; due: string; when: string; link: string };

/** "is due on Dec 8, 2026, in 3 days", "is due today", "was due on Nov 10, 2026 and is 14 days overdue". */
function whenText(d: ScheduledReminderData, c: EmailCompany): string {
  const due = day(d.dueDate, c);
  if (d.daysFromDue < 0) return `is due on ${due}, in ${plural(-d.daysFromDue, "day")}`;
  if (d.daysFromDue === 0) return `is due today, ${due}`;
  return `was due on ${due} and is ${plural(d.daysFromDue, "day")} overdue`;
}

export function reminderView(d: ScheduledReminderData, c: EmailCompany): ReminderView {
  const balance = money(d.balanceMinor, d.currency, c);
  return { preview: `${balance} due on invoice ${d.invoiceNumber}`, name: firstName(d.clientName), number: d.invoiceNumber, balance, due: day(d.dueDate, c), when: whenText(d, c), link: d.link };
}

export const friendlyReminderSubject = (d: ScheduledReminderData, c: EmailCompany) =>
  d.daysFromDue > 0 ? `Reminder: invoice ${d.invoiceNumber} is overdue - ${c.name}` : `Reminder: invoice ${d.invoiceNumber} is due ${day(d.dueDate, c)} - ${c.name}`;

export const firmReminderSubject = (d: ScheduledReminderData, c: EmailCompany) =>
  d.daysFromDue > 0 ? `Overdue: invoice ${d.invoiceNumber}, ${plural(d.daysFromDue, "day")} past due - ${c.name}` : `Payment due: invoice ${d.invoiceNumber} - ${c.name}`;

/** The email body for a view: real values, or the stencil's markers. */
export function ReminderBody({ tone, view: v, company }: { tone: ReminderTone; view: ReminderView; company: EmailCompany }) {
  return (
    <EmailLayout company={company} preview={v.preview}>
      <Paragraph>Hi {v.name},</Paragraph>
      {tone === "friendly" ? (
        <Paragraph>
          A friendly reminder: invoice {v.number} {v.when}. If you have already paid, thank you, and please ignore this message.
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            Invoice {v.number} {v.when}, and we have not received full payment yet. Please pay the balance now, or reply to this email if something is holding it up.
          </Paragraph>
          <Paragraph>If you have paid in the last few days, thank you: our records may not show it yet.</Paragraph>
        </>
      )}
      <Summary
        rows={[
          ["Invoice", v.number],
          ["Balance due", v.balance],
          ["Due date", v.due],
        ]}
      />
      <Action href={v.link} label="Pay now" />
    </EmailLayout>
  );
}

export function FriendlyReminderEmail({ data, company }: EmailProps<ScheduledReminderData>) {
  return <ReminderBody tone="friendly" view={reminderView(data, company)} company={company} />;
}

export function FirmReminderEmail({ data, company }: EmailProps<ScheduledReminderData>) {
  return <ReminderBody tone="firm" view={reminderView(data, company)} company={company} />;
}

/** The SMS: plain ASCII, one segment where the link allows. */
export function reminderSms(tone: ReminderTone, d: ScheduledReminderData, c: EmailCompany): string {
  const balance = smsMoney(d.balanceMinor, d.currency, c);
  if (tone === "friendly") {
    const when = d.daysFromDue < 0 ? `is due ${day(d.dueDate, c)}` : d.daysFromDue === 0 ? "is due today" : `is ${plural(d.daysFromDue, "day")} overdue`;
    return `${c.name}: a reminder that invoice ${d.invoiceNumber} (${balance}) ${when}. Pay: ${d.link}`;
  }
  const when = d.daysFromDue > 0 ? `is ${plural(d.daysFromDue, "day")} overdue` : `is due ${day(d.dueDate, c)}`;
  return `${c.name}: invoice ${d.invoiceNumber} ${when}, ${balance} unpaid. Please pay now: ${d.link}`;
}
