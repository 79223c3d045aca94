import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BillingDetailsForm } from "@/components/portal/billing-details-form";
import { ProfilePage } from "@/components/profile/profile-page";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getPortalClientDetails } from "@/db/queries/portal";
import { requireClientScope } from "@/lib/auth/client-scope";
import { getBusinessTime } from "@/lib/business-time";
import { regionFromLocale } from "@/lib/phone";
import { shownPhone } from "@/lib/phone-shown";

export const metadata: Metadata = { title: "Your profile" };

export default async function Page() {
  const scope = await requireClientScope();
  const details = await getPortalClientDetails(scope.clientId);
  if (!details) notFound();
  const phoneShown = details.phone ? shownPhone(details.phone, regionFromLocale((await getBusinessTime()).locale)) : null;
  return (
    <ProfilePage user={scope.user}>
      <Card>
        <CardHeader>
          <CardTitle>Billing details and messages</CardTitle>
          <CardDescription>How we address your invoices, and whether we may text you.</CardDescription>
        </CardHeader>
        <CardContent>
          <BillingDetailsForm details={details} phoneShown={phoneShown} />
        </CardContent>
      </Card>
    </ProfilePage>
  );
}
