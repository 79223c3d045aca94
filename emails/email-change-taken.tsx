import type { EmailChangeTakenData } from "@/lib/notify/templates";
import { Action, EmailLayout, Paragraph, type EmailCompany, type EmailProps } from "./layout";

export const emailChangeTakenSubject = (_d: EmailChangeTakenData, c: EmailCompany) => `This address already has a ${c.name} account`;

// Sent instead of a confirmation link when the new address already has an
// account: the profile form answers the same either way and reveals nothing.
export function EmailChangeTakenEmail({ data: d, company }: EmailProps<EmailChangeTakenData>) {
  return (
    <EmailLayout company={company} preview="Nothing was changed">
      <Paragraph>Hello,</Paragraph>
      <Paragraph>
        {d.name} asked to sign in to {company.name} with this email address, but it already belongs to an account, so nothing was changed. To use this address for that person, sign in to this
        address&apos;s account and change its email first.
      </Paragraph>
      <Action href={d.signInUrl} label="Sign in" />
      <Paragraph>If you don&apos;t know why you got this, you can ignore it.</Paragraph>
    </EmailLayout>
  );
}
