import type { Metadata } from "next";
import { StaffIndex } from "@/components/staff/staff-index";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Staff" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("staff:manage");
  return <StaffIndex currentUserId={user.id} searchParams={await searchParams} />;
}
