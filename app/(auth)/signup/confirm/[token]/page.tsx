import type { Metadata } from "next";
import Link from "next/link";
import { CompleteSignupForm } from "@/components/auth/complete-signup-form";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { emailHasAccount } from "@/db/queries/portal";
import { maskPhone } from "@/lib/otp/code";
import { ALREADY_SET_UP, INVALID_SIGNUP_LINK } from "@/lib/signup/complete";
import { openSignup } from "@/lib/signup/token";

// The link is the credential: keep it out of referrers and search engines.
export const metadata: Metadata = { title: "Finish signing up", robots: { index: false, follow: false }, referrer: "no-referrer" };
export const dynamic = "force-dynamic";

/** Opened from the sign-up email. Viewing it changes nothing (mail scanners open links); the form does. */
export default async function ConfirmSignupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const signup = openSignup(token);
  const done = signup ? await emailHasAccount(signup.email) : false;
  if (!signup || done) {
    return (
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle asChild>
            <h1>{signup ? "Already set up" : "Link expired"}</h1>
          </CardTitle>
          <CardDescription>{signup ? ALREADY_SET_UP : INVALID_SIGNUP_LINK}</CardDescription>
        </CardHeader>
        <CardContent>
          <Link href={signup ? "/login" : "/signup"} className={buttonVariants({ className: "w-full" })}>
            {signup ? "Sign in" : "Sign up again"}
          </Link>
        </CardContent>
      </Card>
    );
  }
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle asChild>
          <h1>Finish signing up</h1>
        </CardTitle>
        <CardDescription>Your email is confirmed. Enter your password to create your account.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid gap-1 rounded-md bg-muted/60 p-3 text-sm">
          <div className="flex justify-between gap-3">
            <dt className="text-muted-foreground">Name</dt>
            <dd className="truncate font-medium">{signup.name}</dd>
          </div>
          <div className="flex justify-between gap-3">
            <dt className="text-muted-foreground">Email</dt>
            <dd className="truncate font-medium">{signup.email}</dd>
          </div>
          <div className="flex justify-between gap-3">
            <dt className="text-muted-foreground">Sign-in</dt>
            <dd className="text-right font-medium">{signup.twoFactor === "sms" ? `Password + code to ${maskPhone(signup.phone)}` : "Password only"}</dd>
          </div>
        </dl>
        {signup.twoFactor === "sms" && <p className="text-sm text-muted-foreground">Next, we text a code to your phone to confirm the number.</p>}
        <CompleteSignupForm token={token} email={signup.email} twoFactor={signup.twoFactor} />
      </CardContent>
    </Card>
  );
}
