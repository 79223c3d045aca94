import type { EmailChangeNoticeData } from "@/lib/notify/templates";
import { firstName } from "./format";
import { Action, EmailLayout, Paragraph, type EmailCompany, type EmailProps } from "./layout";

export const emailChangeNoticeSubject = (_d: EmailChangeNoticeData, c: EmailCompany) => `Someone asked to change your ${c.name} email`;

// Sent to the current address when a change is asked for, so a person whose
// session was taken over hears about it before the change can happen.
export function EmailChangeNoticeEmail({ data: d, company }: EmailProps<EmailChangeNoticeData>) {
  return (
    <EmailLayout company={company} preview={`A change to ${d.newEmail} is waiting for confirmation`}>
      <Paragraph>Hi {firstName(d.name)},</Paragraph>
      <Paragraph>
        Someone signed in to your {company.name} account asked to change the email you sign in with to {d.newEmail}. Nothing changes unless that address confirms it.
      </Paragraph>
      <Paragraph>If it was you, there&apos;s nothing to do here. If it wasn&apos;t, reset your password now: that signs everyone else out.</Paragraph>
      <Action href={d.resetUrl} label="Reset my password" />
    </EmailLayout>
  );
}
