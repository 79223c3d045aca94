import type { Metadata } from "next";
import { InvitesIndex } from "@/components/invites/invites-index";
import { can } from "@/lib/auth/permissions";
import { requireBackOffice } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Staff invites" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, area } = await requireBackOffice("invites:request");
  return <InvitesIndex area={area} userId={user.id} canDecide={can(user.role, "invites:decide")} searchParams={await searchParams} />;
}
