import type { SignupConfirmData } from "@/lib/notify/templates";
import { firstName, moment } from "./format";
import { Action, EmailLayout, Paragraph, type EmailCompany, type EmailProps } from "./layout";

export const signupConfirmSubject = (_d: SignupConfirmData, c: EmailCompany) => `Finish creating your ${c.name} account`;

export function SignupConfirmEmail({ data: d, company }: EmailProps<SignupConfirmData>) {
  return (
    <EmailLayout company={company} preview="Confirm your email to finish signing up">
      <Paragraph>Hi {firstName(d.name)},</Paragraph>
      <Paragraph>Thanks for signing up to the {company.name} client portal. Confirm this is your email address to finish creating your account:</Paragraph>
      <Action href={d.confirmUrl} label="Finish signing up" />
      <Paragraph>The link expires on {moment(d.expiresAt, company)}. If you did not sign up, ignore this email: no account is created without it.</Paragraph>
    </EmailLayout>
  );
}
