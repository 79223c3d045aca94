import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getSettings } from "@/db/queries/settings";
import { getTwoFactorStatus } from "@/db/queries/two-factor";
import { maskPhone } from "@/lib/otp/code";
import { phoneField, regionFromLocale } from "@/lib/phone";
import { TwoFactorSettings } from "./two-factor-settings";

/** Two-step sign-in by SMS, for every role's profile page. */
export async function TwoFactorCard({ userId }: { userId: number }) {
  const [status, settings] = await Promise.all([getTwoFactorStatus(userId), getSettings()]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Codes by text message</CardTitle>
        <CardDescription>A code by text message at each sign-in, on top of your password. Changing this needs your password and a fresh code.</CardDescription>
      </CardHeader>
      <CardContent>
        {status.usesApp ? (
          <p className="text-sm text-muted-foreground">Off while an authenticator app is set up: sign-in asks for the app&apos;s code instead.</p>
        ) : (
          <TwoFactorSettings status={{ enabled: status.enabled, phone: phoneField(status.phone, regionFromLocale(settings.locale)), maskedPhone: maskPhone(status.phone) }} />
        )}
      </CardContent>
    </Card>
  );
}
