import type { RecoveryCodeUsedData } from "@/lib/notify/templates";
import { firstName, moment, plural } from "./format";
import { Action, EmailLayout, Paragraph, type EmailCompany, type EmailProps } from "./layout";

export const recoveryCodeUsedSubject = (_d: RecoveryCodeUsedData, c: EmailCompany) => `A recovery code was used to sign in to ${c.name}`;

// A recovery code stands in for the app or passkey, so its owner hears about
// every use: if it wasn't them, the password and the codes are in other hands.
export function RecoveryCodeUsedEmail({ data: d, company }: EmailProps<RecoveryCodeUsedData>) {
  return (
    <EmailLayout company={company} preview={`${plural(d.codesLeft, "recovery code")} left`}>
      <Paragraph>Hi {firstName(d.name)},</Paragraph>
      <Paragraph>
        Someone signed in to your {company.name} account on {moment(d.usedAt, company)} with one of your recovery codes. That code no longer works; you have {plural(d.codesLeft, "recovery code")}{" "}
        left.
      </Paragraph>
      <Paragraph>If it was you, make a new set of codes when you run low, from your profile:</Paragraph>
      <Action href={d.securityUrl} label="Open my profile" />
      <Paragraph>If it wasn&apos;t you, reset your password now ({d.resetUrl}): that signs everyone else out. Then make new recovery codes.</Paragraph>
    </EmailLayout>
  );
}
