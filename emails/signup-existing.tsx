import type { SignupExistingData } from "@/lib/notify/templates";
import { firstName } from "./format";
import { Action, EmailLayout, Paragraph, type EmailCompany, type EmailProps } from "./layout";

export const signupExistingSubject = (_d: SignupExistingData, c: EmailCompany) => `You already have a ${c.name} account`;

// Sent instead of a sign-up link when the address already has an account, so
// the sign-up form answers the same either way and reveals nothing.
export function SignupExistingEmail({ data: d, company }: EmailProps<SignupExistingData>) {
  return (
    <EmailLayout company={company} preview="Sign in, or reset your password">
      <Paragraph>Hi {firstName(d.name)},</Paragraph>
      <Paragraph>Someone, hopefully you, tried to sign up to {company.name} with this email address. You already have an account, so nothing was changed.</Paragraph>
      <Action href={d.signInUrl} label="Sign in" secondary={{ href: d.resetUrl, label: "Reset password" }} />
      <Paragraph>If it wasn&apos;t you, you can ignore this email.</Paragraph>
    </EmailLayout>
  );
}
