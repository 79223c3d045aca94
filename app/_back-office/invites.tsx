import type { Metadata } from "next";
import { InvitesIndex } from "@/components/invites/invites-index";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Staff invites" };

export default async function Page() {
  const user = await requirePagePermission("invites:request");
  return <InvitesIndex userId={user.id} canDecide={can(user.role, "invites:decide")} />;
}
