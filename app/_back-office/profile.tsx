import type { Metadata } from "next";
import { ProfilePage } from "@/components/profile/profile-page";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your profile" };

export default async function Page() {
  const user = await requirePagePermission("profile:self");
  return <ProfilePage user={user} />;
}
