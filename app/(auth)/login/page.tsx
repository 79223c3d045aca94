import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
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
      <CardContent>
        <LoginForm callbackUrl={safeCallback(callbackUrl)} />
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
