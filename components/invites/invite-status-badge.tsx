import { Badge, type BadgeProps } from "@/components/ui/badge";

type State = "pending_approval" | "approved" | "rejected" | "accepted" | "expired";

const look: Record<State, [BadgeProps["variant"], string]> = {
  pending_approval: ["warning", "Waiting for an admin"],
  approved: ["secondary", "Approved, not accepted yet"],
  accepted: ["success", "Joined"],
  rejected: ["muted", "Rejected"],
  expired: ["outline", "Expired"],
};

export function InviteStatusBadge({ state }: { state: State }) {
  const [variant, label] = look[state];
  return <Badge variant={variant}>{label}</Badge>;
}
