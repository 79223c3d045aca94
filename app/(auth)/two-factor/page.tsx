import type { Metadata } from "next";
import Link from "next/link";
import { TwoFactorForm } from "@/components/auth/two-factor-form";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { readLoginChallenge } from "@/lib/auth/two-factor";
import { readChallengeCookie } from "@/lib/auth/two-factor-cookie";
import { maskPhone } from "@/lib/otp/code";
import { nextResendAt } from "@/lib/otp/send";

export const metadata: Metadata = { title: "Enter your code" };
export const dynamic = "force-dynamic";

/** Step two of a two-factor sign-in. Without a live challenge there is nothing to do here but start again. */
export default async function TwoFactorPage() {
  const challenge = await readLoginChallenge(getDb(), await readChallengeCookie());
  if (!challenge) {
    return (
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle asChild>
            <h1>Sign-in timed out</h1>
          </CardTitle>
          <CardDescription>The code step lasts 10 minutes. Enter your email and password again to get a new code.</CardDescription>
        </CardHeader>
        <CardContent>
          <Link href="/login" className={buttonVariants({ className: "w-full" })}>
            Back to sign in
          </Link>
        </CardContent>
      </Card>
    );
  }
  const { user } = challenge;
  const resendAt = await nextResendAt(getDb(), user.id, "login");
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle asChild>
          <h1>{user.phoneVerified ? "Enter your code" : "Verify your phone"}</h1>
        </CardTitle>
        <CardDescription>
          {user.phoneVerified ? "Your account uses two-step sign-in." : "One last step: this confirms the number we text your sign-in codes to."} Signing in as{" "}
          <span className="font-medium text-foreground">{user.email}</span>.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <TwoFactorForm sentTo={maskPhone(user.phone)} resendAt={resendAt?.toISOString() ?? null} />
        <Link href="/login" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
          Use a different account
        </Link>
      </CardContent>
    </Card>
  );
}
