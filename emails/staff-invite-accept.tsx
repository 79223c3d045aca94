import type { StaffInviteAcceptData } from "@/lib/notify/templates";
import { firstName, moment } from "./format";
import { Action, EmailLayout, Paragraph, type EmailCompany, type EmailProps } from "./layout";

export const staffInviteAcceptSubject = (_d: StaffInviteAcceptData, c: EmailCompany) => `You're invited to join ${c.name}`;

export function StaffInviteAcceptEmail({ data: d, company }: EmailProps<StaffInviteAcceptData>) {
  return (
    <EmailLayout company={company} preview={`Set your password to join ${company.name}`}>
      <Paragraph>Hi {firstName(d.inviteeName)},</Paragraph>
      <Paragraph>You have been invited to join {company.name} as staff. Choose a password to accept the invite and create your account.</Paragraph>
      <Action href={d.acceptUrl} label="Accept invite" />
      <Paragraph>This link works once and expires on {moment(d.expiresAt, company)}.</Paragraph>
    </EmailLayout>
  );
}
