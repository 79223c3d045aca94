import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { PasskeyButton } from "@/components/auth/passkey-button";
import { Separator } from "@/components/ui/separator";
import { passkeySignIn } from "@/lib/actions/auth/passkey-sign-in";
import { startPasskeySignIn } from "@/lib/actions/auth/start-passkey-sign-in";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/permissions";
import { safeCallback } from "@/lib/validation/auth";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const user = await getCurrentUser();
  if (user) redirect(homeFor[user.role]);
  const { callbackUrl } = await searchParams;
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle asChild>
          <h1>Sign in</h1>
        </CardTitle>
        <CardDescription>Use the email and password for your ClientDesk account.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <LoginForm callbackUrl={safeCallback(callbackUrl)} />
        <div className="flex items-center gap-3 text-xs uppercase text-muted-foreground">
          <Separator className="flex-1" />
          or
          <Separator className="flex-1" />
        </div>
        <PasskeyButton start={startPasskeySignIn} finish={passkeySignIn} field="response" extra={{ callbackUrl: safeCallback(callbackUrl) }} label="Use a passkey" />
      </CardContent>
      <CardFooter className="justify-center text-sm text-muted-foreground">
        <span>
          New client?{" "}
          <Link href="/signup" className="font-medium text-primary underline-offset-4 hover:underline">
            Create an account
          </Link>
        </span>
      </CardFooter>
    </Card>
  );
}
