import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getPendingEmailChange } from "@/db/queries/email-changes";
import { getSettings } from "@/db/queries/settings";
import type { CurrentUser } from "@/lib/auth/session";
import { phoneField, regionFromLocale } from "@/lib/phone";
import { SecurityCard } from "@/components/security/security-card";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";
import { SessionsCard } from "./sessions-card";
import { TwoFactorCard } from "./two-factor-card";

/**
 * The profile page for every role (/admin, /staff and /portal). Callers check
 * "profile:self". `children` adds role-specific cards after the details (the
 * portal's billing details and messages).
 */
export async function ProfilePage({ user, children }: { user: CurrentUser; children?: React.ReactNode }) {
  const [pending, settings] = await Promise.all([getPendingEmailChange(user.id), getSettings()]);
  return (
    <>
      <PageHeader title="Your profile" description="Your own details, password and sign-in security." />
      <div className="grid grid-cols-1 gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <ProfileForm user={user} storedPhone={phoneField(user.phone, regionFromLocale(settings.locale))} pendingEmail={pending ? { address: pending.newEmail, until: pending.expiresAt } : null} />
          </CardContent>
        </Card>
        {children}
        <Card>
          <CardHeader>
            <CardTitle>Password</CardTitle>
            <CardDescription>Changing it signs you out on every other device.</CardDescription>
          </CardHeader>
          <CardContent>
            <PasswordForm />
          </CardContent>
        </Card>
        <SecurityCard userId={user.id} />
        <TwoFactorCard userId={user.id} />
        <SessionsCard userId={user.id} currentSessionId={user.sessionId} />
      </div>
    </>
  );
}
