import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailChangeForm } from "@/components/profile/confirm-email-change-form";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { INVALID_EMAIL_CHANGE, readEmailChange } from "@/lib/profile/email-change";

// The link is the credential: keep it out of referrers and search engines.
export const metadata: Metadata = { title: "Confirm your new email", robots: { index: false, follow: false }, referrer: "no-referrer" };
export const dynamic = "force-dynamic";

/** Opened from the email sent to the new address. Viewing it changes nothing (mail scanners open links); the button does. */
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const change = token.length <= 200 ? await readEmailChange(getDb(), token) : null;
  if (!change) {
    return (
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle asChild>
            <h1>Link expired</h1>
          </CardTitle>
          <CardDescription>{INVALID_EMAIL_CHANGE}</CardDescription>
        </CardHeader>
        <CardContent>
          <Link href="/login" className={buttonVariants({ className: "w-full" })}>
            Sign in
          </Link>
        </CardContent>
      </Card>
    );
  }
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle asChild>
          <h1>Confirm your new email</h1>
        </CardTitle>
        <CardDescription>
          {change.name} will sign in with <span className="font-medium text-foreground">{change.newEmail}</span> from now on.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ConfirmEmailChangeForm token={token} newEmail={change.newEmail} />
      </CardContent>
    </Card>
  );
}
