import type { PasswordResetData } from "@/lib/notify/templates";
import { firstName, moment } from "./format";
import { Action, EmailLayout, Paragraph, type EmailCompany, type EmailProps } from "./layout";

export const passwordResetSubject = (_d: PasswordResetData, c: EmailCompany) => `Reset your ${c.name} password`;

export function PasswordResetEmail({ data: d, company }: EmailProps<PasswordResetData>) {
  return (
    <EmailLayout company={company} preview="Choose a new password">
      <Paragraph>Hi {firstName(d.name)},</Paragraph>
      <Paragraph>Someone asked to reset the password of your {company.name} account. If it was you, choose a new password:</Paragraph>
      <Action href={d.resetUrl} label="Choose a new password" />
      <Paragraph>This link works once and expires on {moment(d.expiresAt, company)}. If you did not ask for it, ignore this email: your password stays the same.</Paragraph>
    </EmailLayout>
  );
}
