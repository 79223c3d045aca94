import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SecurityCard } from "@/components/security/security-card";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { homeFor } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Set up two-step sign-in" };
export const dynamic = "force-dynamic";

/**
 * Where the back-office policy sends an admin or staff member who has no
 * authenticator app or passkey: until they add one, this page, their security
 * actions and signing out are all the server lets them use. It stays put once
 * they comply, so the recovery codes shown after set-up can be saved.
 */
export default async function SecondFactorSetupPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return (
    <div className="grid w-full max-w-2xl gap-4">
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h1>{user.mustSetUpSecondFactor ? "Set up two-step sign-in" : "Two-step sign-in is set up"}</h1>
          </CardTitle>
          <CardDescription>
            {user.mustSetUpSecondFactor
              ? "Your administrator requires an authenticator app or a passkey for the back office. Add one below to continue."
              : "You can continue. Save your recovery codes first if they are shown below."}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap gap-2">
          {!user.mustSetUpSecondFactor && (
            <Link href={homeFor[user.role]} className={buttonVariants()}>
              Continue to ClientDesk
            </Link>
          )}
          <SignOutButton />
        </CardContent>
      </Card>
      <SecurityCard userId={user.id} />
    </div>
  );
}
