import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BillingDetailsForm } from "@/components/portal/billing-details-form";
import { ProfilePage } from "@/components/profile/profile-page";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getPortalClientDetails } from "@/db/queries/portal";
import { requireClientScope } from "@/lib/auth/client-scope";

export const metadata: Metadata = { title: "Your profile" };

export default async function Page() {
  const scope = await requireClientScope();
  const details = await getPortalClientDetails(scope.clientId);
  if (!details) notFound();
  return (
    <ProfilePage user={scope.user}>
      <Card>
        <CardHeader>
          <CardTitle>Billing details and messages</CardTitle>
          <CardDescription>How we address your invoices, and whether we may text you.</CardDescription>
        </CardHeader>
        <CardContent>
          <BillingDetailsForm details={details} />
        </CardContent>
      </Card>
    </ProfilePage>
  );
}
