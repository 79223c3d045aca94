import type { SecondFactorResetData } from "@/lib/notify/templates";
import { firstName } from "./format";
import { Action, EmailLayout, Paragraph, type EmailCompany, type EmailProps } from "./layout";

export const secondFactorResetSubject = (_d: SecondFactorResetData, c: EmailCompany) => `Your ${c.name} two-step sign-in was reset`;

// Sent when an admin removes a person's authenticator app, passkeys and
// recovery codes (a lost phone): the person learns of it, whoever asked.
export function SecondFactorResetEmail({ data: d, company }: EmailProps<SecondFactorResetData>) {
  return (
    <EmailLayout company={company} preview="Your authenticator app, passkeys and recovery codes were removed">
      <Paragraph>Hi {firstName(d.name)},</Paragraph>
      <Paragraph>
        {d.resetBy}, an administrator at {company.name}, reset your two-step sign-in: your authenticator app, passkeys and recovery codes no longer work, and you were signed out everywhere. Sign in
        with your password and set up a new app or passkey.
      </Paragraph>
      <Action href={d.signInUrl} label="Sign in" />
      <Paragraph>If you didn&apos;t ask for this, tell your administrator and reset your password.</Paragraph>
    </EmailLayout>
  );
}
