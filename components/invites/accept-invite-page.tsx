import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getInviteByTokenHash, inviteState } from "@/db/queries/staff";
import { hashToken } from "@/lib/auth/one-time-token";
import { LocalTime } from "@/components/time/viewer-time";
import { AcceptInviteForm } from "./accept-invite-form";

const closed = {
  accepted: ["This invite was already used", "Sign in with the password you chose."],
  expired: ["This invite expired", "Invites work for 72 hours. Ask an admin to invite you again."],
  rejected: ["This link isn't valid", "Ask an admin to invite you again."],
  pending_approval: ["This link isn't valid", "Ask an admin to invite you again."],
  approved: ["", ""],
} as const;

/** Where the invitee's set-password link lands. */
export async function AcceptInvitePage({ token }: { token: string }) {
  const invite = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await getInviteByTokenHash("accept", hashToken(token)) : null;
  if (!invite) return <Shell title="This link isn't valid" description="Check that you opened the whole link from the email, or ask an admin to invite you again." signIn={false} />;
  const state = inviteState(invite);
  if (state !== "approved") {
    const [title, description] = closed[state];
    return <Shell title={title} description={description} signIn={state === "accepted"} />;
  }
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle asChild>
          <h1>Join as staff</h1>
        </CardTitle>
        <CardDescription>
          Welcome, {invite.name}. Choose a password for {invite.email}. This link works until {invite.expiresAt ? <LocalTime value={invite.expiresAt} /> : "—"}.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <AcceptInviteForm token={token} email={invite.email} />
      </CardContent>
    </Card>
  );
}

function Shell({ title, description, signIn }: { title: string; description: string; signIn: boolean }) {
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle asChild>
          <h1>{title}</h1>
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      {signIn && (
        <CardContent>
          <Button asChild className="w-full">
            <Link href="/login">Sign in</Link>
          </Button>
        </CardContent>
      )}
    </Card>
  );
}
