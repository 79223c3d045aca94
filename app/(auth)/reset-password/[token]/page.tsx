import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/profile/reset-password-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { isResetTokenUsable } from "@/lib/profile/password-reset";
import { INVALID_RESET } from "@/lib/profile/password-reset";

// The token is in the URL: never send it on as a referrer.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer", robots: { index: false } };

export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = await isResetTokenUsable(token);
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle asChild>
          <h1>{usable ? "Choose a new password" : "This link has expired"}</h1>
        </CardTitle>
        <CardDescription>{usable ? "Signing in again will be needed on every device." : INVALID_RESET}</CardDescription>
      </CardHeader>
      <CardContent>
        {usable ? (
          <ResetPasswordForm token={token} />
        ) : (
          <Button asChild className="w-full">
            <Link href="/forgot-password">Send a new link</Link>
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
