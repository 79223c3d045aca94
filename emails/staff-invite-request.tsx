import type { StaffInviteRequestData } from "@/lib/notify/templates";
import { firstName } from "./format";
import { Action, EmailLayout, Paragraph, Summary, type EmailCompany, type EmailProps } from "./layout";

export const staffInviteRequestSubject = (d: StaffInviteRequestData, c: EmailCompany) => `Approve a staff invite for ${d.inviteeName}? - ${c.name}`;

export function StaffInviteRequestEmail({ data: d, company }: EmailProps<StaffInviteRequestData>) {
  return (
    <EmailLayout company={company} preview={`${d.requestedBy} wants to invite ${d.inviteeName}`}>
      <Paragraph>Hi {firstName(d.adminName)},</Paragraph>
      <Paragraph>
        {d.requestedBy} asked to invite {d.inviteeName} to {company.name} as staff. As an admin, you decide: the invite is sent only once an admin approves it.
      </Paragraph>
      <Summary
        rows={[
          ["Name", d.inviteeName],
          ["Email", d.inviteeEmail],
          ["Requested by", d.requestedBy],
        ]}
      />
      <Action href={d.approveUrl} label="Approve" secondary={{ href: d.rejectUrl, label: "Reject" }} />
    </EmailLayout>
  );
}
