import type { Metadata } from "next";
import { AcceptInvitePage } from "@/components/invites/accept-invite-page";

// The token is in the URL: never send it on as a referrer.
export const metadata: Metadata = { title: "Join as staff", referrer: "no-referrer", robots: { index: false } };

export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  return <AcceptInvitePage token={(await params).token} />;
}
