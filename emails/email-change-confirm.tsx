import type { EmailChangeConfirmData } from "@/lib/notify/templates";
import { firstName, moment } from "./format";
import { Action, EmailLayout, Paragraph, type EmailCompany, type EmailProps } from "./layout";

export const emailChangeConfirmSubject = (_d: EmailChangeConfirmData, c: EmailCompany) => `Confirm your new ${c.name} email`;

// Sent to the new address: the change happens only when this link is used.
export function EmailChangeConfirmEmail({ data: d, company }: EmailProps<EmailChangeConfirmData>) {
  return (
    <EmailLayout company={company} preview="Confirm this address to sign in with it">
      <Paragraph>Hi {firstName(d.name)},</Paragraph>
      <Paragraph>
        You asked to sign in to {company.name} with {d.newEmail} from now on. Confirm that this address is yours:
      </Paragraph>
      <Action href={d.confirmUrl} label="Confirm my new email" />
      <Paragraph>
        This link works once and expires on {moment(d.expiresAt, company)}. Until then you keep signing in with your current address. If you didn&apos;t ask for this, ignore this email.
      </Paragraph>
    </EmailLayout>
  );
}
