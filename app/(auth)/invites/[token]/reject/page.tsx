import type { Metadata } from "next";
import { InviteDecisionPage } from "@/components/invites/invite-decision-page";

// The token is in the URL: never send it on as a referrer.
export const metadata: Metadata = { title: "Reject staff invite", referrer: "no-referrer", robots: { index: false } };

export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  return <InviteDecisionPage token={(await params).token} decision="reject" />;
}
