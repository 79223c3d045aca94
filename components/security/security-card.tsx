import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import { getSecurityStatus } from "@/db/queries/second-factors";
import { formatDateTime } from "@/lib/dates";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { AuthenticatorApp } from "./authenticator-app";
import { PasskeysSection } from "./passkeys-section";
import { RecoveryCodesSection } from "./recovery-codes-section";

/** Authenticator app, passkeys and recovery codes: for every role's profile page and the set-up page the policy sends people to. */
export async function SecurityCard({ userId }: { userId: number }) {
  const [status, timeZone] = await Promise.all([getSecurityStatus(userId), getViewerTimeZone()]);
  const when = (d: Date) => formatDateTime(d, { timeZone });
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h2>Authenticator app and passkeys</h2>
        </CardTitle>
        <CardDescription>Stronger than a texted code. With either set up, signing in with a password also asks for one of them.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <section aria-labelledby="authenticator-app-heading" className="grid gap-3">
          <h3 id="authenticator-app-heading" className="font-medium">
            Authenticator app
          </h3>
          <AuthenticatorApp enabled={status.totp} />
        </section>
        <Separator />
        <section aria-labelledby="passkeys-heading" className="grid gap-3">
          <h3 id="passkeys-heading" className="font-medium">
            Passkeys
          </h3>
          <PasskeysSection items={status.passkeys.map((p) => ({ id: p.id, name: p.name, created: when(p.createdAt), lastUsed: p.lastUsedAt ? when(p.lastUsedAt) : null }))} />
        </section>
        {(status.totp || status.passkeys.length > 0 || status.recoveryCodesLeft > 0) && (
          <>
            <Separator />
            <section aria-labelledby="recovery-codes-heading" className="grid gap-3">
              <h3 id="recovery-codes-heading" className="font-medium">
                Recovery codes
              </h3>
              <RecoveryCodesSection left={status.recoveryCodesLeft} />
            </section>
          </>
        )}
      </CardContent>
    </Card>
  );
}
