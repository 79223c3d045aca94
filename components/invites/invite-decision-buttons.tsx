"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { Icon } from "@/components/ui/icon";
import { decideInvite } from "@/lib/actions/invites/decide-invite";

/** Approve or reject a pending invite from the list in the app. */
export function InviteDecisionButtons({ invite }: { invite: { id: number; name: string; email: string } }) {
  return (
    <div className="flex justify-end gap-1">
      <ConfirmAction
        action={decideInvite}
        input={{ inviteId: invite.id, decision: "approve" as const }}
        triggerVariant="outline"
        triggerSize="sm"
        trigger={
          <>
            <Icon name="check" aria-hidden="true" />
            Approve
          </>
        }
        title={`Approve ${invite.name}?`}
        description={`${invite.email} gets an email with a link to set a password. The link works once, for 72 hours, and makes them a staff member.`}
        confirmLabel="Approve and email"
        successMessage={`${invite.name} was emailed a set-password link`}
      />
      <ConfirmAction
        action={decideInvite}
        input={{ inviteId: invite.id, decision: "reject" as const }}
        triggerVariant="ghost"
        triggerSize="sm"
        trigger={
          <>
            <Icon name="x" aria-hidden="true" />
            Reject
          </>
        }
        title={`Reject the invite for ${invite.name}?`}
        description="Nobody is emailed, and the links in the admins' emails stop working."
        confirmLabel="Reject invite"
        destructive
        successMessage="Invite rejected"
      />
    </div>
  );
}
