"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { decideInvite } from "@/lib/actions/invites/decide-invite";
import { initialFormState } from "@/lib/form-state";

/** The button that records an admin's decision from an emailed link. */
export function DecisionForm({ token, decision, inviteeName }: { token: string; decision: "approve" | "reject"; inviteeName: string }) {
  const [state, action, pending] = useActionState(decideInvite, initialFormState);
  if (state.ok) {
    return (
      <div role="status" className="grid gap-3">
        <p className="flex items-center gap-2 font-medium">
          <Icon name="circle-check" className="size-5 text-success" aria-hidden="true" />
          {decision === "approve" ? `Approved. ${inviteeName} was emailed a link to set a password.` : "Rejected. Nobody was emailed."}
        </p>
        <Link href="/admin/invites" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
          See all invites
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="grid gap-3">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="decision" value={decision} />
      <FormAlert message={state.formError} />
      <Button type="submit" pending={pending} variant={decision === "reject" ? "destructive" : "default"} className="w-full">
        {decision === "approve" ? "Approve invite" : "Reject invite"}
      </Button>
    </form>
  );
}
