import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getInviteByTokenHash, inviteState } from "@/db/queries/staff";
import { hashToken } from "@/lib/auth/one-time-token";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { LocalTime } from "@/components/time/viewer-time";
import { DecisionForm } from "./decision-form";

const closed = {
  approved: "This request was already approved. Nothing more to do here.",
  accepted: "This request was approved and the new staff member has joined.",
  rejected: "This request was already rejected. Nothing was changed.",
  expired: "This request expired before anyone decided. Ask for a new invite if it is still wanted.",
} as const;

/**
 * Where the Approve and Reject links in the admins' email land. Opening the
 * page changes nothing (mail scanners open links too); the decision is a
 * button, which needs a signed-in admin.
 */
export async function InviteDecisionPage({ token, decision }: { token: string; decision: "approve" | "reject" }) {
  const invite = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await getInviteByTokenHash("decision", hashToken(token)) : null;
  const title = decision === "approve" ? "Approve staff invite" : "Reject staff invite";
  if (!invite) {
    return (
      <Shell title="This link isn't valid" description="Check that you opened the whole link from the email. If it still fails, decide the request from the Invites page instead.">
        <Button asChild variant="outline" className="w-full">
          <Link href="/admin/invites">Go to invites</Link>
        </Button>
      </Shell>
    );
  }
  const state = inviteState(invite);
  const details = (
    <dl className="grid gap-2 rounded-md border bg-muted/40 p-3 text-sm">
      <Row label="Invitee">
        {invite.name} · {invite.email}
      </Row>
      <Row label="Requested by">{invite.requestedBy}</Row>
      <Row label="Requested">
        <LocalTime value={invite.createdAt} />
      </Row>
    </dl>
  );
  if (state !== "pending_approval") {
    return (
      <Shell title={title} description={closed[state]}>
        {details}
      </Shell>
    );
  }
  const user = await getCurrentUser();
  const here = `/invites/${token}/${decision}`;
  return (
    <Shell title={title} description={decision === "approve" ? "Approving emails the invitee a link to set a password and join as staff." : "Rejecting closes the request; nobody is emailed."}>
      {details}
      {user && can(user.role, "invites:decide") ? (
        <DecisionForm token={token} decision={decision} inviteeName={invite.name} />
      ) : user ? (
        <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
          You are signed in as {user.name}, who isn&apos;t an admin. Only an admin can decide this request.
        </p>
      ) : (
        <div className="grid gap-2">
          <p className="text-sm text-muted-foreground">Sign in as an admin to decide. You will come back to this page.</p>
          <Button asChild className="w-full">
            <Link href={`/login?callbackUrl=${encodeURIComponent(here)}`}>Sign in to decide</Link>
          </Button>
        </div>
      )}
    </Shell>
  );
}

function Shell({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <Card className="w-full max-w-md">
      <CardHeader>
        <CardTitle asChild>
          <h1>{title}</h1>
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">{children}</CardContent>
    </Card>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words font-medium">{children}</dd>
    </div>
  );
}
