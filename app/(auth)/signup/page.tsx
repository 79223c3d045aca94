import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignupForm } from "@/components/auth/signup-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getSettings } from "@/db/queries/settings";
import { homeFor } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignupPage() {
  const user = await getCurrentUser();
  if (user) redirect(homeFor[user.role]);
  const settings = await getSettings();
  return (
    <Card className="my-6 w-full max-w-md">
      <CardHeader>
        <CardTitle asChild>
          <h1>Create your client account</h1>
        </CardTitle>
        <CardDescription>See your invoices, subscribe to services and pay {settings.companyName} online.</CardDescription>
      </CardHeader>
      <CardContent>
        <SignupForm />
      </CardContent>
    </Card>
  );
}
