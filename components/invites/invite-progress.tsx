import { RelativeTime } from "@/components/time/viewer-time";
import type { InviteRow } from "@/db/queries/staff";

type Invite = Pick<InviteRow, "status" | "decidedBy" | "decidedAt" | "acceptedAt" | "joinedAs" | "name">;

/** Under an invite's badge: who approved or rejected it, and who joined, each with when. */
export function InviteProgress({ invite: i }: { invite: Invite }) {
  if (i.status === "pending_approval") return null;
  const decider = i.decidedBy ?? "a removed admin";
  return (
    <div className="mt-1 grid gap-0.5 text-xs text-muted-foreground">
      {i.status !== "rejected" && i.decidedAt && (
        <p>
          Approved by {decider}, <RelativeTime value={i.decidedAt} />
        </p>
      )}
      {i.status === "rejected" && (
        <p>
          Rejected by {decider}
          {i.decidedAt && (
            <>
              , <RelativeTime value={i.decidedAt} />
            </>
          )}
        </p>
      )}
      {i.status === "accepted" && (
        <p>
          {i.joinedAs ?? i.name} joined
          {i.acceptedAt && (
            <>
              , <RelativeTime value={i.acceptedAt} />
            </>
          )}
        </p>
      )}
    </div>
  );
}
